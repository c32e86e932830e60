using System.Net;
using Microsoft.Playwright;
using SendGrid.Helpers.Mail;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Mailbox;

[Collection(LocalRuntimeCollection.Name)]
public sealed class MailboxBrowserTests(LocalRuntimeFixture runtime)
{
    private readonly DevMailbox _mailbox = new(runtime);

    [Fact]
    public async Task Inbox_OpenMessageAndClickItsLink_OpensTheLinkAndPagesAreAccessible()
    {
        var to = DevMailbox.NewRecipient("aino");
        var target = $"{runtime.BaseUrlText}/api/health";
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("strategyflow@localhost.test", "StrategyFlow"), new EmailAddress(to, "Aino"),
            "Vaihe 1: tavoitteet <odottaa>", "Avaa: " + target,
            $"<!DOCTYPE html><html lang=\"fi\"><head><title>Kutsu</title></head><body><p>Hei Aino,</p><p><a href=\"{target}\">Avaa lomake</a></p></body></html>");
        Assert.Equal(HttpStatusCode.Accepted, (await _mailbox.SendGrid().SendEmailAsync(message)).StatusCode);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(runtime.BaseUrl);

        await page.GotoAsync($"/dev/mailbox?to={Uri.EscapeDataString(to)}");
        await Chromium.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Vaihe 1: tavoitteet <odottaa>" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vaihe 1: tavoitteet <odottaa>");
        await Chromium.AssertAccessibleAsync(page);
        await Chromium.FollowFromFrameAsync(page, page.FrameLocator("iframe[title='Message body']").GetByRole(AriaRole.Link, new() { Name = "Avaa lomake" }), target);
        Assert.Contains("Healthy", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailboxPages_SendStrictSecurityHeaders()
    {
        using var response = await runtime.Http.GetAsync("/dev/mailbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
