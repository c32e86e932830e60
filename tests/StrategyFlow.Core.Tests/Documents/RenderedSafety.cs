using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StrategyFlow.Core.Serialization;

namespace StrategyFlow.Core.Tests.Documents;

/// <summary>What rendered documents must never contain, checked by parsing them as a browser or a Markdown viewer would.</summary>
internal static class RenderedSafety
{
    /// <summary>Every element the HTML renderer writes; anything else came from user text.</summary>
    private static readonly HashSet<string> RendererTags =
    [
        "html", "head", "meta", "title", "style", "body", "main", "header", "section", "footer", "div",
        "h1", "h2", "h3", "h4", "p", "br", "strong", "span", "time", "ol", "ul", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly HashSet<string> RendererAttributes =
        ["lang", "charset", "name", "content", "http-equiv", "class", "id", "aria-labelledby", "scope", "datetime", "data-label"];

    /// <summary>What Markdig may produce from the renderer's Markdown; links, images and raw HTML are not among them.</summary>
    private static readonly HashSet<string> MarkdownHtmlTags =
    [
        "h1", "h2", "h3", "h4", "p", "br", "strong", "em", "ol", "ul", "li", "blockquote", "hr",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    /// <summary>The markup extensions a Markdown viewer may switch on: links, footnotes, attributes and the rest.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Names of JSON properties that hold enums, dates or numbers rather than text people type.</summary>
    private static readonly HashSet<string> NotText =
        ["stage", "severity", "decision", "outcome", "language", "priority", "createdAt", "approvedAt", "at", "archivedAt"];

    /// <summary>
    /// Every non-empty string a person could have typed, prefixed with <paramref name="payload"/>
    /// (empty ones stay empty so the document keeps its shape).
    /// </summary>
    public static T Inject<T>(T value, string payload)
    {
        var node = JsonSerializer.SerializeToNode(value, CoreJson.Options)!;
        Rewrite(node, payload);
        return node.Deserialize<T>(CoreJson.Options)!;
    }

    private static void Rewrite(JsonNode node, string payload)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                    {
                        if (!NotText.Contains(name))
                        {
                            obj[name] = Prefix(payload, text.GetValue<string>());
                        }
                    }
                    else if (child is not null)
                    {
                        Rewrite(child, payload);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = Prefix(payload, text.GetValue<string>());
                    }
                    else if (array[i] is { } child)
                    {
                        Rewrite(child, payload);
                    }
                }

                break;
        }
    }

    private static string Prefix(string payload, string text) => text.Length == 0 ? text : $"{payload} {text}";

    public static IDocument ParseHtml(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Only the renderer's own elements and attributes; no script, handler or javascript: anywhere but text.</summary>
    public static void AssertHtmlIsSafe(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var document = ParseHtml(html);
        foreach (var element in document.All)
        {
            Assert.Contains(element.LocalName, RendererTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, RendererAttributes);
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Single(document.QuerySelectorAll("style"));
    }

    /// <summary>
    /// The Markdown, parsed with every common extension, has no link, image, autolink, raw HTML, entity,
    /// code or footnote; and the HTML a viewer would make of it has only plain document elements.
    /// </summary>
    public static void AssertMarkdownIsSafe(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            Assert.False(
                node is LinkInline or AutolinkInline or HtmlInline or HtmlEntityInline or CodeInline
                    or HtmlBlock or CodeBlock or FootnoteLink or Footnote,
                $"Markdown produced a {node.GetType().Name} at line {node.Line + 1}.");
        }

        foreach (var element in ParseHtml(Markdown.ToHtml(markdown, Pipeline)).Body!.Descendants<IElement>())
        {
            Assert.Contains(element.LocalName, MarkdownHtmlTags);
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The HTML elements, in order, except paragraphs and line breaks (free text may add those).</summary>
    public static IReadOnlyList<string> HtmlShape(string html) =>
        [.. ParseHtml(html).All.Select(e => e.LocalName).Where(n => n is not ("p" or "br"))];

    /// <summary>Headings with levels, tables with their rows and columns, lists, quotes and emphasis, in order.</summary>
    public static IReadOnlyList<string> MarkdownShape(string markdown) =>
    [
        .. Markdown.Parse(markdown, Pipeline).Descendants()
            .Where(n => n is not (ParagraphBlock or LiteralInline or LineBreakInline))
            .Select(n => n switch
            {
                HeadingBlock h => $"h{h.Level}",
                Markdig.Extensions.Tables.TableRow r => $"row:{r.Count}",
                _ => n.GetType().Name,
            }),
    ];
}
