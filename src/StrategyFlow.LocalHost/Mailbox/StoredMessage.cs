namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>A name and an address, as SendGrid's <c>{ "email": …, "name": … }</c>.</summary>
public sealed record EmailAddress(string Email, string? Name);

/// <summary>
/// One message as one recipient's inbox shows it: a SendGrid request with several personalizations or
/// recipients is stored as several messages sharing one <see cref="MessageId"/>.
/// </summary>
public sealed record StoredMessage(
    string Id,
    string MessageId,
    DateTimeOffset SentAt,
    EmailAddress From,
    EmailAddress To,
    EmailAddress? ReplyTo,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, string> CustomArgs,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> Links);

/// <summary>A line of <c>GET /dev/mailbox/messages</c>.</summary>
public sealed record MailboxListItem(
    string Id,
    string To,
    string Subject,
    DateTimeOffset SentAt,
    IReadOnlyList<string> Links,
    IReadOnlyDictionary<string, string> CustomArgs,
    IReadOnlyList<string> Categories)
{
    public static MailboxListItem From(StoredMessage message) => new(
        message.Id, message.To.Email, message.Subject, message.SentAt, message.Links, message.CustomArgs, message.Categories);
}
