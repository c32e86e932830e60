using System.Globalization;
using System.Text;

namespace StrategyFlow.Core.Answers;

/// <summary>
/// How two titles are recognised as the same item: Unicode-normalised (NFKC), trimmed, inner white
/// space collapsed, compared case-insensitively. Used by consolidation, validation and coherence alike.
/// </summary>
public static class TextKey
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // string.Normalize throws on broken UTF-16: read unpaired surrogates as U+FFFD, as any encoder would.
        var wellFormed = HasUnpairedSurrogate(text) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : text;
        var folded = wellFormed.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>True when the text is not valid UTF-16: a surrogate without its other half.</summary>
    internal static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Same(string? a, string? b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}
