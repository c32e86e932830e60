using CsCheck;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Samples;

namespace StrategyFlow.Core.Tests.Documents;

/// <summary>User text lands in every field of the sample strategy; it must stay text in HTML and Markdown.</summary>
public sealed class InjectionTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))",
        "![x](http://evil/x.png)",
        "<svg onload=alert(1)>",
        "' onmouseover='alert(1)",
        "`",
        "``<b>``",
        "| a | b |",
        "a | b\n| --- | --- |\n| c | d",
        "# heading",
        "\n\n<details open ontoggle=alert(1)>",
        "\n\n    indented code",
        "<!-- comment",
        "]]><![CDATA[",
        "<style>body{display:none}</style>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#x3C;script&#x3E;",
        "<https://evil.example>",
        "https://evil.example www.evil.example mailto:a@evil.example",
        "http://evil ftp://evil mailto:evil",
        "[x]: https://evil.example \"title\"\n\n[x]",
        "[^1]\n\n[^1]: https://evil.example",
        "{onclick=alert(1)} *emphasis* **strong** _u_ ~~s~~",
        "1. list\n- list\n+ list\n> quote\n---\n===",
        "</td></tr></table><script>alert(1)</script>",
        "\u2028<script>\u2029\u0000\u001b[31m",
        "\\<script>\\",
    ];

    private static readonly (IReadOnlyList<string> Html, IReadOnlyList<string> Markdown) CleanShape = ShapeOf(SampleStrategy.Build(Language.En));

    public static TheoryData<string> PayloadData() => [.. Payloads];

    [Theory]
    [MemberData(nameof(PayloadData))]
    public void Html_PayloadInEveryField_StaysText(string payload)
    {
        var html = DocumentRenderer.ToHtml(Injected(payload));

        RenderedSafety.AssertHtmlIsSafe(html);
        Assert.Equal(CleanShape.Html, RenderedSafety.HtmlShape(html));
        var text = RenderedSafety.ParseHtml(html).Body!.TextContent;
        foreach (var line in payload.Split('\n', '\u2028', '\u2029').Select(l => l.Replace('\0', ' ').Replace('\u001b', ' ').Trim()).Where(l => l.Length > 0))
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(PayloadData))]
    public void Markdown_PayloadInEveryField_StaysText(string payload)
    {
        var markdown = DocumentRenderer.ToMarkdown(Injected(payload));

        RenderedSafety.AssertMarkdownIsSafe(markdown);
        Assert.Equal(CleanShape.Markdown, RenderedSafety.MarkdownShape(markdown));
    }

    [Fact]
    public void Html_InjectedDocument_ShowsThePayloadWhereTheTitleIs()
    {
        const string Payload = "<img src=x onerror=alert(1)>";
        var html = RenderedSafety.ParseHtml(DocumentRenderer.ToHtml(Injected(Payload)));

        Assert.Equal($"{Payload} Social media strategy 2027", html.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(Payload, html.Title, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("img"));
    }

    [Fact]
    public void Render_RandomDangerousText_NeverMakesMarkupOrChangesTheShape()
    {
        string[] pieces =
        [
            "<", ">", "\"", "'", "`", "&", "#", "*", "_", "[", "]", "(", ")", "!", "|", "\\", "\n", "\r", " ", ":", "=", "/",
            "-", "+", ".", "~", "{", "}", "^", "$", "@", "\0", "\u2028", "\t", "ä", "javascript:", "script", "img",
            "onerror=", "alert(1)", "href=", "http://", "www.", "&#60;", "&lt;", "<!--", "-->", "    ",
        ];

        Gen.OneOf(pieces).Array[0, 16].Select(string.Concat).Sample(payload =>
        {
            var document = Injected(payload);
            var html = DocumentRenderer.ToHtml(document);
            var markdown = DocumentRenderer.ToMarkdown(document);

            RenderedSafety.AssertHtmlIsSafe(html);
            RenderedSafety.AssertMarkdownIsSafe(markdown);
            Assert.Equal(CleanShape.Html, RenderedSafety.HtmlShape(html));
            Assert.Equal(CleanShape.Markdown, RenderedSafety.MarkdownShape(markdown));
        }, iter: 100);
    }

    private static StrategyDocument Injected(string payload) =>
        RenderedSafety.Inject(SampleStrategy.Build(Language.En), payload).ToDocument();

    private static (IReadOnlyList<string>, IReadOnlyList<string>) ShapeOf(SampleStrategy.Parts parts)
    {
        var document = parts.ToDocument();
        return (RenderedSafety.HtmlShape(DocumentRenderer.ToHtml(document)), RenderedSafety.MarkdownShape(DocumentRenderer.ToMarkdown(document)));
    }
}
