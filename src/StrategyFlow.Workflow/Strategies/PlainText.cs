using System.Buffers;
using System.Globalization;
using System.Text;

namespace StrategyFlow.Workflow.Strategies;

/// <summary>
/// Which characters ops-supplied text may hold. Names, titles and reasons land in email subjects, link
/// tokens, pages and the archive, where a line break splits a header, a control character makes a token
/// unbuildable, and a text-direction control reorders what the reader sees.
/// </summary>
public static class PlainText
{
    /// <summary>One line of ordinary text: no control characters, line or paragraph separators, bidirectional controls, or broken Unicode.</summary>
    public static bool IsPlain(string text) => All(text, rune =>
        !Rune.IsControl(rune)
        && !IsBidirectionalControl(rune.Value)
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator));

    /// <summary>An email address shows every character it has: no spaces, control, format (invisible) or unassigned characters.</summary>
    public static bool IsVisibleAddress(string text) => All(text, rune =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned));

    // The explicit directional formatting characters of the Unicode bidirectional algorithm (UAX #9).
    private static bool IsBidirectionalControl(int codePoint) =>
        codePoint is 0x061C or 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>Whether every character is allowed; an unpaired surrogate (broken Unicode) never is.</summary>
    private static bool All(string text, Func<Rune, bool> allowed)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done || !allowed(rune))
            {
                return false;
            }

            rest = rest[length..];
        }

        return true;
    }
}
