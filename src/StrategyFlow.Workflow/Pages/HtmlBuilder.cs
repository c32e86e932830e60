using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// Writes HTML where tag and attribute names come only from our code and every value goes through
/// the HTML encoder: user text can never become markup or a URL. Shared by pages and emails.
/// </summary>
internal sealed class HtmlBuilder
{
    // HtmlEncoder.Default also escapes every non-ASCII letter; allowing all ranges keeps Finnish
    // readable in the source while <, >, &, quotes and control characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>Markup that is part of our own code (the doctype, the stylesheet), never user text.</summary>
    public HtmlBuilder Trusted(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? text)
    {
        _html.Append(Encoder.Encode(text ?? string.Empty));
        return this;
    }

    /// <summary>Opens an element. An attribute whose value is null is left out; "" writes a boolean attribute.</summary>
    public HtmlBuilder Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"");
                Text(value);
                _html.Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlBuilder Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>
    /// A textarea. The newline after the start tag is what HTML parsers drop, so a value that itself
    /// starts with a newline survives the round trip.
    /// </summary>
    public HtmlBuilder TextArea(string? value, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open("textarea", attributes).Trusted("\n").Text(value).Close("textarea");

    /// <summary>A void element (<c>input</c>, <c>meta</c>, <c>br</c>).</summary>
    public HtmlBuilder Void(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes) => Open(tag, attributes);

    public HtmlBuilder Append(HtmlBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _html.Append(other._html);
        return this;
    }

    public override string ToString() => _html.ToString();
}
