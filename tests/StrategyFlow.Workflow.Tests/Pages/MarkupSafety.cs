using AngleSharp.Dom;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>Hostile text and a check that rendered output contains only the markup our code writes.</summary>
internal static class MarkupSafety
{
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "' onmouseover='alert(1)",
        "</textarea><script>alert(2)</script>",
        "</style><svg onload=alert(3)>",
        "&lt;b&gt;already encoded&lt;/b&gt;",
    ];

    /// <summary>One string with every payload, tagged so a test can find where it landed.</summary>
    public static string Evil(string field) => $"{field} " + string.Join(" ", Corpus);

    public static readonly HashSet<string> PageTags =
    [
        "html", "head", "meta", "title", "style", "body", "header", "main", "div", "p", "section", "h1", "h2", "h3", "h4",
        "form", "input", "textarea", "select", "option", "label", "fieldset", "legend", "span", "button", "ul", "li", "a",
        "time", "strong", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "ol",
    ];

    public static readonly HashSet<string> PageAttributes =
    [
        "lang", "charset", "name", "content", "class", "id", "method", "novalidate", "accept-charset", "type", "value", "rows",
        "maxlength", "aria-describedby", "aria-invalid", "aria-labelledby", "for", "role", "selected", "checked", "href",
        "datetime", "autocomplete", "scope", "data-notice", "data-label", "formaction", "aria-label",
    ];

    public static readonly HashSet<string> MailTags = ["html", "head", "meta", "title", "body", "table", "tbody", "tr", "td", "strong", "p", "h1", "ul", "li", "a"];

    public static readonly HashSet<string> MailAttributes =
        ["lang", "charset", "name", "content", "style", "role", "width", "cellpadding", "cellspacing", "border", "align", "href"];

    public static void AssertOnlyOwnMarkup(IDocument document, string html, IReadOnlySet<string> tags, IReadOnlySet<string> attributes, Func<string, bool> hrefAllowed)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        foreach (var element in document.All)
        {
            Assert.Contains(element.LocalName, tags);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, attributes);
            }

            if (element.GetAttribute("href") is { } href)
            {
                Assert.True(hrefAllowed(href), $"Unexpected link {href}");
            }
        }
    }
}
