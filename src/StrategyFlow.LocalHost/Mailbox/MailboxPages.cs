using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>
/// The inbox as people see it: a list of messages, and one message as its recipient would see it.
/// Pages run no script; the message body is shown in a sandboxed frame served with its own policy.
/// </summary>
public static class MailboxPages
{
    // Addresses, subjects and links are long words: they break anywhere rather than widen the page. On a phone the
    // inbox's rows stack, each cell under its column's name.
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
        header,main{max-width:60rem;margin:0 auto;padding:1rem}
        header{border-bottom:1px solid #ccc}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ddd;vertical-align:top}
        a{color:#0645ad}
        dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem 1rem}
        dt{font-weight:600}
        iframe{width:100%;min-height:32rem;border:1px solid #ccc}
        pre{white-space:pre-wrap;overflow-wrap:anywhere}
        label{margin-right:.5rem}
        input{max-width:100%}
        @media (max-width:40rem){table,tbody,tr,td,caption{display:block}thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}tr{border-bottom:1px solid #ddd;padding:.4rem 0}td{border:0;padding:.1rem 0}td::before{content:attr(data-label) ": ";font-weight:600}caption{text-align:left}dl{grid-template-columns:minmax(0,1fr)}}
        """;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The pages' policy: no script, no plug-in, only this stylesheet, frames from this host only.</summary>
    public static readonly string PagePolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// A message body's policy: sandboxed (no script, no same-origin access), inline styles and images
    /// allowed as mail uses them, links may open in the tab when clicked.
    /// </summary>
    public const string BodyPolicy =
        "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; "
        + "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; font-src data:; "
        + "form-action 'none'; frame-ancestors 'self'";

    public static string Inbox(IReadOnlyList<StoredMessage> messages, string? to)
    {
        var html = new StringBuilder();
        Open(html, "Development mailbox");
        html.Append("<main><h1>Development mailbox</h1>")
            .Append("<p>Every email StrategyFlow sends on this machine lands here instead of being delivered.</p>")
            .Append("<form method=\"get\" action=\"/dev/mailbox\" role=\"search\"><label for=\"to\">Recipient</label>")
            .Append("<input id=\"to\" name=\"to\" type=\"email\" value=\"").Append(Encoder.Encode(to ?? "")).Append("\"> ")
            .Append("<button type=\"submit\">Show</button></form>");
        if (messages.Count == 0)
        {
            html.Append("<p>No messages yet.</p>");
        }
        else
        {
            html.Append("<table><caption>")
                .Append(messages.Count.ToString(CultureInfo.InvariantCulture)).Append(messages.Count == 1 ? " message" : " messages")
                .Append(", newest first</caption><thead><tr><th scope=\"col\">To</th><th scope=\"col\">Subject</th><th scope=\"col\">Received</th></tr></thead><tbody>");
            foreach (var message in messages)
            {
                html.Append("<tr><td data-label=\"To\">").Append(Encoder.Encode(message.To.Email)).Append("</td><td data-label=\"Subject\"><a href=\"/dev/mailbox/messages/")
                    .Append(Encoder.Encode(message.Id)).Append("/view\">").Append(Encoder.Encode(Subject(message))).Append("</a></td><td data-label=\"Received\">");
                Time(html, message.SentAt);
                html.Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    public static string Message(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var html = new StringBuilder();
        Open(html, Subject(message));
        html.Append("<main><h1>").Append(Encoder.Encode(Subject(message))).Append("</h1><dl>")
            .Append("<dt>From</dt><dd>").Append(Encoder.Encode(Display(message.From))).Append("</dd>")
            .Append("<dt>To</dt><dd>").Append(Encoder.Encode(Display(message.To))).Append("</dd>");
        if (message.ReplyTo is { } replyTo)
        {
            html.Append("<dt>Reply to</dt><dd>").Append(Encoder.Encode(Display(replyTo))).Append("</dd>");
        }
        html.Append("<dt>Received</dt><dd>");
        Time(html, message.SentAt);
        html.Append("</dd></dl>");
        if (message.Html is not null)
        {
            html.Append("<iframe title=\"Message body\" src=\"/dev/mailbox/messages/").Append(Encoder.Encode(message.Id))
                .Append("/body\" sandbox=\"allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\"></iframe>");
        }
        if (message.Text is not null)
        {
            html.Append(message.Html is null ? "<h2>Message</h2>" : "<h2>Plain-text version</h2>")
                .Append("<pre>").Append(Encoder.Encode(message.Text)).Append("</pre>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>The HTML body as sent, its links opening in the tab.</summary>
    public static string Body(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Html is null
            ? $"<!DOCTYPE html><html><head><base target=\"_top\"><title>Message</title></head><body><pre>{Encoder.Encode(message.Text ?? "")}</pre></body></html>"
            : MailHtml.WithLinksOpeningInTab(message.Html);
    }

    public static string NotFound()
    {
        var html = new StringBuilder();
        Open(html, "Message not found");
        return html.Append("<main><h1>Message not found</h1><p>It may have been cleared. <a href=\"/dev/mailbox\">Back to the inbox</a></p></main></body></html>")
            .ToString();
    }

    private static void Open(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Encoder.Encode(title)).Append(" – StrategyFlow mailbox</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<header><nav aria-label=\"Mailbox\"><a href=\"/dev/mailbox\">Inbox</a></nav></header>");

    private static void Time(StringBuilder html, DateTimeOffset at) =>
        html.Append("<time datetime=\"").Append(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC</time>");

    private static string Subject(StoredMessage message) => message.Subject.Length > 0 ? message.Subject : "(no subject)";

    private static string Display(EmailAddress address) => address.Name is null ? address.Email : $"{address.Name} <{address.Email}>";
}
