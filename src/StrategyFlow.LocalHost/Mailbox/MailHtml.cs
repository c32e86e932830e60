using System.Net;
using System.Text.RegularExpressions;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>What the mailbox needs to know about an email's HTML body.</summary>
public static partial class MailHtml
{
    /// <summary>Every absolute http(s) link of the body, in order, once each.</summary>
    public static IReadOnlyList<string> Links(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return [];
        }
        var links = new List<string>();
        foreach (Match match in HrefAttribute().Matches(html))
        {
            var raw = match.Groups["dq"].Success ? match.Groups["dq"].Value
                : match.Groups["sq"].Success ? match.Groups["sq"].Value
                : match.Groups["bare"].Value;
            var href = WebUtility.HtmlDecode(raw).Trim();
            if (Uri.TryCreate(href, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && !links.Contains(href))
            {
                links.Add(href);
            }
        }
        return links;
    }

    /// <summary>
    /// The body with <c>&lt;base target="_top"&gt;</c> first in its head, so a click on a link opens it in
    /// the tab, as a mail client would, instead of inside the inbox page's frame.
    /// </summary>
    public static string WithLinksOpeningInTab(string html)
    {
        const string Base = """<base target="_top">""";
        var head = HeadStartTag().Match(html);
        if (head.Success)
        {
            return html.Insert(head.Index + head.Length, Base);
        }
        var root = HtmlStartTag().Match(html);
        return root.Success
            ? html.Insert(root.Index + root.Length, $"<head>{Base}</head>")
            : Base + html;
    }

    [GeneratedRegex("""\bhref\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s>"']+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefAttribute();

    [GeneratedRegex("""<head\b[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadStartTag();

    [GeneratedRegex("""<html\b[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStartTag();
}
