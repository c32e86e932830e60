using System.Text.Json;
using StrategyFlow.Core.Serialization;

namespace StrategyFlow.Core.Documents;

/// <summary>The three archive formats of a strategy document (docs/design.md §8).</summary>
public enum DocumentFormat
{
    Json,
    Markdown,
    Html,
}

/// <summary>
/// Renders a <see cref="StrategyDocument"/> in the strategy's language: JSON (the schema-versioned
/// record), Markdown and a self-contained printable HTML page. User text is encoded for each target.
/// </summary>
public static class DocumentRenderer
{
    /// <summary>
    /// The policy the HTML page carries in a meta element: nothing loads or runs, only its own inline
    /// style (pinned by hash). Send it as the <c>Content-Security-Policy</c> header when serving the page.
    /// </summary>
    public static string HtmlContentSecurityPolicy => HtmlRenderer.ContentSecurityPolicy;

    public static string ToJson(StrategyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, CoreJson.Indented);
    }

    /// <summary>Reads an archived document; a schema version this code does not know is refused.</summary>
    /// <exception cref="JsonException">The text is not a strategy document of a supported schema version.</exception>
    public static StrategyDocument FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize<StrategyDocument>(json, CoreJson.Options)
            ?? throw new JsonException("The text holds no strategy document.");
        if (document.SchemaVersion != StrategyDocument.CurrentSchemaVersion)
        {
            throw new JsonException(
                $"Strategy document schema version {document.SchemaVersion} is not supported (expected {StrategyDocument.CurrentSchemaVersion}).");
        }

        return document;
    }

    public static string ToMarkdown(StrategyDocument document) => MarkdownRenderer.Render(DocumentView.Build(document));

    public static string ToHtml(StrategyDocument document) => HtmlRenderer.Render(DocumentView.Build(document));

    public static string Render(StrategyDocument document, DocumentFormat format) => format switch
    {
        DocumentFormat.Json => ToJson(document),
        DocumentFormat.Markdown => ToMarkdown(document),
        DocumentFormat.Html => ToHtml(document),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown document format."),
    };

    /// <summary>The blob name under <c>{id}/</c>: <c>strategy.json</c>, <c>strategy.md</c>, <c>strategy.html</c>.</summary>
    public static string FileName(DocumentFormat format) => $"strategy.{Extension(format)}";

    public static string ContentType(DocumentFormat format) => format switch
    {
        DocumentFormat.Json => "application/json; charset=utf-8",
        DocumentFormat.Markdown => "text/markdown; charset=utf-8",
        DocumentFormat.Html => "text/html; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown document format."),
    };

    /// <summary>Reads the <c>format</c> query value of the document route: <c>json</c>, <c>md</c> or <c>html</c>.</summary>
    public static bool TryParseFormat(string? value, out DocumentFormat format)
    {
        foreach (var candidate in Enum.GetValues<DocumentFormat>())
        {
            if (string.Equals(Extension(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    private static string Extension(DocumentFormat format) => format switch
    {
        DocumentFormat.Json => "json",
        DocumentFormat.Markdown => "md",
        DocumentFormat.Html => "html",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown document format."),
    };
}
