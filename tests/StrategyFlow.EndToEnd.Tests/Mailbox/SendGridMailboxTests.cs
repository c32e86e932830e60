using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SendGrid.Helpers.Mail;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Mailbox;

[Collection(LocalRuntimeCollection.Name)]
public sealed class SendGridMailboxTests(LocalRuntimeFixture runtime)
{
    private readonly DevMailbox _mailbox = new(runtime);

    [Fact]
    public async Task RealSendGridClient_SendsMail_MailboxShowsItWithItsLinks()
    {
        var to = DevMailbox.NewRecipient("sanna");
        var link = $"{runtime.BaseUrlText}/api/health?stage=goals&amp;round=1";
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("strategyflow@localhost.test", "StrategyFlow"), new EmailAddress(to, "Sanna"),
            "Tavoitteet: vastaa viimeistään perjantaina",
            "Avaa lomake: " + link,
            $"<p>Hei Sanna,</p><p><a href=\"{link}\">Avaa lomake</a> · <a href=\"/relative\">ei</a> · <a href='mailto:x@example.test'>ei</a></p>");
        message.AddCustomArg("strategyId", "acme-2027");
        message.AddCategory("invitation");

        var response = await _mailbox.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("X-Message-Id", out var ids) && ids.Single().Length > 0);
        var listed = Assert.Single(await _mailbox.ListAsync(to));
        Assert.Equal("Tavoitteet: vastaa viimeistään perjantaina", listed.Subject);
        Assert.Equal([$"{runtime.BaseUrlText}/api/health?stage=goals&round=1"], listed.Links);
        Assert.Equal("acme-2027", listed.CustomArgs["strategyId"]);
        Assert.Equal(["invitation"], listed.Categories);

        var stored = await _mailbox.GetAsync(listed.Id);
        Assert.Equal(ids.Single(), stored.MessageId);
        Assert.Equal("strategyflow@localhost.test", stored.From.Email);
        Assert.Equal(to, stored.To.Email);
        Assert.Equal("Avaa lomake: " + link, stored.Text);
        Assert.Contains("Hei Sanna", stored.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneRequest_SeveralRecipients_StoresOneMessagePerRecipient()
    {
        var first = DevMailbox.NewRecipient("aino");
        var second = DevMailbox.NewRecipient("olli");
        var message = MailHelper.CreateSingleEmailToMultipleRecipients(
            new EmailAddress("strategyflow@localhost.test"), [new EmailAddress(first), new EmailAddress(second)],
            "Hyväksy vaihe 1", "teksti", "<p>html</p>", showAllRecipients: false);

        var response = await _mailbox.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Hyväksy vaihe 1", Assert.Single(await _mailbox.ListAsync(first)).Subject);
        Assert.Equal("Hyväksy vaihe 1", Assert.Single(await _mailbox.ListAsync(second)).Subject);
    }

    [Fact]
    public async Task ListSince_ReturnsOnlyMessagesSentThenOrLater()
    {
        var to = DevMailbox.NewRecipient("since");
        await _mailbox.SendGrid().SendEmailAsync(MailHelper.CreateSingleEmail(
            new EmailAddress("strategyflow@localhost.test"), new EmailAddress(to), "ensimmäinen", "1", "<p>1</p>"));
        var first = Assert.Single(await _mailbox.ListAsync(to));
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > first.SentAt), TimeSpan.FromSeconds(5), "the clock to move past the first message");
        await _mailbox.SendGrid().SendEmailAsync(MailHelper.CreateSingleEmail(
            new EmailAddress("strategyflow@localhost.test"), new EmailAddress(to), "toinen", "2", "<p>2</p>"));
        var both = await _mailbox.ListAsync(to);
        var second = both.Single(m => m.Subject == "toinen");

        Assert.Equal(2, both.Length);
        Assert.Equal(["toinen"], (await _mailbox.ListAsync(to, since: second.SentAt)).Select(m => m.Subject));
        Assert.Equal(2, (await _mailbox.ListAsync(to, since: first.SentAt)).Length);
    }

    [Fact]
    public async Task WrongApiKey_Answers401WithSendGridErrors()
    {
        var to = DevMailbox.NewRecipient();
        var message = MailHelper.CreateSingleEmail(new EmailAddress("a@example.test"), new EmailAddress(to), "s", "t", null);

        var response = await _mailbox.SendGrid("SG.wrong").SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Body.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("message").GetString()));
        Assert.Empty(await _mailbox.ListAsync(to));
    }

    [Fact]
    public async Task MissingAuthorization_Answers401()
    {
        using var response = await runtime.Http.PostAsync("/v3/mail/send", Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "personalizations")]
    [InlineData("""{"personalizations":[],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "personalizations")]
    [InlineData("""{"personalizations":[{"to":[]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "personalizations.0.to")]
    [InlineData("""{"personalizations":[{"to":[{"email":"not-an-address"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "personalizations.0.to.0.email")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}],"cc":[{"email":"B@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "personalizations.0")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "from")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"Aino <a@example.test>"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""", "from.email")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"content":[{"type":"text/plain","value":"v"}]}""", "subject")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[]}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":""}]}""", "content.0.value")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"","value":"v"}]}""", "content.0.type")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/html","value":"<p>v</p>"},{"type":"text/plain","value":"v"}]}""", "content")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}],"custom_args":{"round":1}}""", "custom_args.round")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}],"categories":["1","2","3","4","5","6","7","8","9","10","11"]}""", "categories")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}],"mail_settings":{"sandbox_mode":{"enable":"yes"}}}""", "mail_settings.sandbox_mode.enable")]
    [InlineData("""{"personalizations":[{"to":[{"email":"b@example.test"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}],"headers":{"Subject":"x"}}""", "headers.Subject")]
    public async Task InvalidPayload_Answers400WithTheFieldInSendGridErrors(string payload, string field)
    {
        using var response = await PostAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("message").GetString()!.Length > 0);
        Assert.All(errors, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("help").ValueKind));
    }

    [Fact]
    public async Task CustomArgsOver10000Bytes_Answers400()
    {
        var args = string.Join(",", Enumerable.Range(0, 120).Select(i => $"\"k{i}\":\"{new string('x', 90)}\""));
        using var response = await PostAsync(ValidPayload("b@example.test")[..^1] + ",\"custom_args\":{" + args + "}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Answers400()
    {
        using var response = await PostAsync("{\"personalizations\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task SandboxMode_ValidatesAndStoresNothing()
    {
        var to = DevMailbox.NewRecipient();
        var message = MailHelper.CreateSingleEmail(new EmailAddress("a@example.test"), new EmailAddress(to), "s", "t", "<p>h</p>");
        message.SetSandBoxMode(true);

        var response = await _mailbox.SendGrid().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await _mailbox.ListAsync(to));
    }

    [Fact]
    public async Task FaultInjection_Rate429_Answers429WithRetryAfterUntilSwitchedOff()
    {
        var to = DevMailbox.NewRecipient();
        var message = MailHelper.CreateSingleEmail(new EmailAddress("a@example.test"), new EmailAddress(to), "s", "t", null);
        try
        {
            await SetFaultsAsync(rate429: 1, rate503: 0);
            var limited = await _mailbox.SendGrid().SendEmailAsync(message);

            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);

            await SetFaultsAsync(rate429: 0, rate503: 1);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(ValidPayload(to))).StatusCode);
            Assert.Empty(await _mailbox.ListAsync(to));
        }
        finally
        {
            await SetFaultsAsync(rate429: 0, rate503: 0);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await _mailbox.SendGrid().SendEmailAsync(message)).StatusCode);
        Assert.Single(await _mailbox.ListAsync(to));
    }

    [Fact]
    public async Task FaultRates_OutOfRange_Answer400ProblemJson()
    {
        using var response = await runtime.Http.PostAsJsonAsync("/dev/mailbox/faults", new { rate429 = 0.8, rate503 = 0.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DeleteMessages_EmptiesTheMailbox()
    {
        var to = DevMailbox.NewRecipient();
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(ValidPayload(to))).StatusCode);

        using var deleted = await runtime.Http.DeleteAsync("/dev/mailbox/messages");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await _mailbox.ListAsync());
    }

    [Fact]
    public async Task UnknownMessage_Answers404()
    {
        using var json = await runtime.Http.GetAsync("/dev/mailbox/messages/nope");
        using var page = await runtime.Http.GetAsync("/dev/mailbox/messages/nope/view");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send") { Content = Json(payload) };
        request.Headers.Authorization = new("Bearer", LocalRuntimeFixture.MailApiKey);
        return await runtime.Http.SendAsync(request);
    }

    private async Task SetFaultsAsync(double rate429, double rate503)
    {
        using var response = await runtime.Http.PostAsJsonAsync("/dev/mailbox/faults", new { rate429, rate503 });
        response.EnsureSuccessStatusCode();
    }

    private static string ValidPayload(string to) =>
        $$"""{"personalizations":[{"to":[{"email":"{{to}}"}]}],"from":{"email":"a@example.test"},"subject":"s","content":[{"type":"text/plain","value":"v"}]}""";

    private static StringContent Json(string payload) => new(payload, Encoding.UTF8, "application/json");
}
