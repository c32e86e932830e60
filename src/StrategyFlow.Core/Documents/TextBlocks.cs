namespace StrategyFlow.Core.Documents;

/// <summary>Splits what people typed into paragraphs and lines, and keeps control characters out of documents.</summary>
internal static class TextBlocks
{
    /// <summary>One line of text: every line break and control character becomes a space; ends are trimmed.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c;
            }
        }).Trim();
    }

    /// <summary>Paragraphs (separated by blank lines) of non-empty lines, each cleaned by <see cref="Line"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text)
    {
        var paragraphs = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var lines = (text ?? string.Empty)
            .ReplaceLineEndings("\n")
            .Replace('\u2028', '\n')
            .Replace('\u2029', '\n')
            .Split('\n');
        foreach (var raw in lines)
        {
            var line = Line(raw);
            if (line.Length > 0)
            {
                current.Add(line);
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        return paragraphs;
    }
}
