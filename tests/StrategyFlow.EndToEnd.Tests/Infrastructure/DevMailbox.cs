using System.Net.Http.Json;
using SendGrid;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>A line of <c>GET /dev/mailbox/messages</c>.</summary>
public sealed record MailSummary(
    string Id, string To, string Subject, DateTimeOffset SentAt, string[] Links,
    Dictionary<string, string> CustomArgs, string[] Categories);

public sealed record MailAddressJson(string Email, string? Name);

/// <summary><c>GET /dev/mailbox/messages/{id}</c>: the message as sent.</summary>
public sealed record MailMessage(
    string Id, string MessageId, DateTimeOffset SentAt, MailAddressJson From, MailAddressJson To, MailAddressJson? ReplyTo,
    string Subject, string? Text, string? Html, Dictionary<string, string> CustomArgs, string[] Categories,
    Dictionary<string, string> Headers, string[] Links);

/// <summary>The development mailbox seen from the tests: its JSON API and a real SendGrid client pointed at it.</summary>
public sealed class DevMailbox(LocalRuntimeFixture runtime)
{
    /// <summary>The SendGrid client the workflow uses, configured as the local host configures it.</summary>
    public SendGridClient SendGrid(string apiKey = LocalRuntimeFixture.MailApiKey) =>
        new(new SendGridClientOptions { ApiKey = apiKey, Host = runtime.BaseUrlText });

    public async Task<MailSummary[]> ListAsync(string? to = null, DateTimeOffset? since = null)
    {
        var query = string.Join("&", new[]
        {
            to is null ? null : $"to={Uri.EscapeDataString(to)}",
            since is null ? null : $"since={Uri.EscapeDataString(since.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}",
        }.Where(p => p is not null));
        return await runtime.Http.GetFromJsonAsync<MailSummary[]>(query.Length == 0 ? "/dev/mailbox/messages" : $"/dev/mailbox/messages?{query}") ?? [];
    }

    public async Task<MailMessage> GetAsync(string id) =>
        await runtime.Http.GetFromJsonAsync<MailMessage>($"/dev/mailbox/messages/{Uri.EscapeDataString(id)}")
        ?? throw new InvalidOperationException($"Message {id} was empty.");

    /// <summary>Waits until <paramref name="to"/> has <paramref name="count"/> messages; newest first.</summary>
    public Task<MailSummary[]> WaitForAsync(string to, int count = 1, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () => await ListAsync(to) is { } messages && messages.Length >= count ? messages : null,
            timeout ?? TimeSpan.FromSeconds(30),
            $"{count} message(s) to {to}");

    /// <summary>A recipient no other test uses, so tests never see each other's mail.</summary>
    public static string NewRecipient(string name = "person") => $"{name}-{Guid.NewGuid():N}@example.test";
}
