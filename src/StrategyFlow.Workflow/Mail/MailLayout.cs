using System.Text;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Mail;

/// <summary>A part of an email body, rendered both as email-safe HTML and as plain text.</summary>
internal abstract record MailBlock;

internal sealed record MailParagraph(string Text, bool Strong = false) : MailBlock;

/// <summary>Someone's own words (an approver's comment), set apart under a label.</summary>
internal sealed record MailQuote(string Label, string Text) : MailBlock;

internal sealed record MailBullets(string Label, IReadOnlyList<string> Items) : MailBlock;

/// <summary>The one call to action: the recipient's personal link.</summary>
internal sealed record MailButton(string Label, string Url) : MailBlock;

/// <summary>A further personal link, quieter than the button (the owner's progress page).</summary>
internal sealed record MailLink(string Label, string Url) : MailBlock;

internal sealed record ComposedMail(string Subject, string Eyebrow, string Heading, string Greeting, IReadOnlyList<MailBlock> Blocks, string Footer);

/// <summary>
/// Email-safe HTML (table layout, inline styles, no images, stylesheets or scripts; every text
/// encoded) and the equivalent plain text.
/// </summary>
internal static class MailLayout
{
    private const string Font = "font-family:-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;";
    private const string Ink = "color:#1b2430;";
    private const string Muted = "color:#4f5b69;";

    /// <summary>One line: user text must not add headers, so line breaks and other controls become spaces.</summary>
    public static string Subject(string subject)
    {
        var line = new StringBuilder(subject.Length);
        foreach (var c in subject)
        {
            line.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        var text = string.Join(' ', line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 200 ? text : text[..199] + "…";
    }

    public static string Html(ComposedMail mail, MailModel model)
    {
        var html = new HtmlBuilder()
            .Trusted("<!DOCTYPE html>")
            .Open("html", ("lang", PageLayout.Lang(model.Language)))
            .Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", Subject(mail.Subject))
            .Close("head")
            .Open("body", ("style", "margin:0;padding:0;background:#f3f5f8;"));
        Table(html, "width:100%;background:#f3f5f8;", "100%")
            .Open("tr").Open("td", ("align", "center"), ("style", "padding:24px 12px;"));
        Table(html, "width:100%;max-width:600px;background:#ffffff;border:1px solid #d6dce4;border-radius:8px;", "600")
            .Open("tr").Open("td", ("style", Font + "background:#14305a;color:#ffffff;padding:14px 24px;font-size:14px;border-radius:8px 8px 0 0;"))
            .Element("strong", model.Organization)
            .Text(string.IsNullOrWhiteSpace(model.StrategyTitle) ? string.Empty : " · " + model.StrategyTitle)
            .Close("td").Close("tr")
            .Open("tr").Open("td", ("style", Font + Ink + "padding:24px;font-size:16px;line-height:1.5;"))
            .Element("p", mail.Eyebrow, ("style", Muted + "margin:0 0 4px;font-size:13px;font-weight:bold;letter-spacing:.05em;text-transform:uppercase;"))
            .Element("h1", mail.Heading, ("style", Ink + "margin:0 0 16px;font-size:22px;line-height:1.3;"))
            .Element("p", mail.Greeting, ("style", "margin:0 0 14px;"));

        foreach (var block in mail.Blocks)
        {
            switch (block)
            {
                case MailParagraph p:
                    html.Element("p", p.Text, ("style", p.Strong ? "margin:0 0 14px;font-weight:bold;" : "margin:0 0 14px;"));
                    break;
                case MailQuote q:
                    html.Element("p", q.Label, ("style", "margin:0 0 6px;font-weight:bold;"));
                    Table(html, "width:100%;margin:0 0 16px;", "100%")
                        .Open("tr")
                        .Element("td", q.Text, ("style", Ink + "background:#fff6e0;border-left:4px solid #e2bd5a;padding:12px 16px;white-space:pre-wrap;"))
                        .Close("tr").Close("table");
                    break;
                case MailBullets b:
                    html.Element("p", b.Label, ("style", "margin:0 0 6px;font-weight:bold;")).Open("ul", ("style", "margin:0 0 16px;padding-left:22px;"));
                    foreach (var item in b.Items)
                    {
                        html.Element("li", item);
                    }

                    html.Close("ul");
                    break;
                case MailButton button:
                    Table(html, "margin:8px 0 20px;", null)
                        .Open("tr").Open("td", ("style", "background:#1f4e96;border-radius:6px;"))
                        .Element("a", button.Label, ("href", button.Url), ("style", Font + "display:inline-block;padding:12px 24px;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:6px;"))
                        .Close("td").Close("tr").Close("table")
                        .Open("p", ("style", Muted + "margin:0 0 14px;font-size:13px;"))
                        .Text(model.Language == Core.Framework.Language.Fi ? "Jos painike ei toimi, avaa tämä osoite: " : "If the button does not work, open this address: ")
                        .Element("a", button.Url, ("href", button.Url), ("style", "color:#1f4e96;word-break:break-all;"))
                        .Close("p");
                    break;
                case MailLink link:
                    html.Open("p", ("style", "margin:0 0 14px;"))
                        .Element("a", link.Label, ("href", link.Url), ("style", "color:#1f4e96;font-weight:bold;"))
                        .Close("p");
                    break;
            }
        }

        html.Close("td").Close("tr")
            .Open("tr").Element("td", mail.Footer, ("style", Font + Muted + "padding:14px 24px;font-size:12px;border-top:1px solid #d6dce4;"))
            .Close("tr").Close("table")
            .Close("td").Close("tr").Close("table")
            .Close("body").Close("html");
        return html.ToString();
    }

    public static string PlainText(ComposedMail mail, MailModel model)
    {
        var text = new StringBuilder();
        text.Append(model.Organization);
        if (!string.IsNullOrWhiteSpace(model.StrategyTitle))
        {
            text.Append(" · ").Append(model.StrategyTitle);
        }

        text.Append("\n\n").Append(mail.Eyebrow).Append('\n').Append(mail.Heading).Append("\n\n").Append(mail.Greeting).Append("\n\n");
        foreach (var block in mail.Blocks)
        {
            switch (block)
            {
                case MailParagraph p:
                    text.Append(p.Text).Append("\n\n");
                    break;
                case MailQuote q:
                    text.Append(q.Label).Append('\n');
                    foreach (var line in q.Text.ReplaceLineEndings("\n").Split('\n'))
                    {
                        text.Append("> ").Append(line).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case MailBullets b:
                    text.Append(b.Label).Append('\n');
                    foreach (var item in b.Items)
                    {
                        text.Append("- ").Append(item).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case MailButton button:
                    text.Append(button.Label).Append(":\n").Append(button.Url).Append("\n\n");
                    break;
                case MailLink link:
                    text.Append(link.Label).Append(":\n").Append(link.Url).Append("\n\n");
                    break;
            }
        }

        return text.Append("-- \n").Append(mail.Footer).Append('\n').ToString();
    }

    /// <summary>A layout table; a null width lets it shrink to its content (the button).</summary>
    private static HtmlBuilder Table(HtmlBuilder html, string style, string? width) =>
        html.Open("table", ("role", "presentation"), ("width", width), ("cellpadding", "0"), ("cellspacing", "0"), ("border", "0"), ("style", style));
}
