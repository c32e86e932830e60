using System.Buffers;
using System.Text;

namespace StrategyFlow.Core.Documents;

/// <summary>
/// Makes user text literal in Markdown. Every character that means something in CommonMark, GFM or
/// the common extensions (links, images, raw HTML, entities, emphasis, code, headings, lists, tables,
/// autolinks, attributes, footnotes, maths) is backslash-escaped, which CommonMark defines for any
/// ASCII punctuation. Line breaks and control characters become spaces and the ends are trimmed, so
/// the result is always one inline run: safe in a paragraph, a list item, a heading or a table cell.
/// </summary>
public static class MarkdownText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("\\`*_{}[]()#+-.!|<>~:=&\"$^@");

    public static string Escape(string? text)
    {
        var line = TextBlocks.Line(text);
        if (line.AsSpan().IndexOfAny(Special) < 0)
        {
            return line;
        }

        var escaped = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (Special.Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
