namespace StrategyFlow.Core.Answers;

/// <summary>Quotes a piece of user text inside a message, shortened so a message stays readable.</summary>
internal static class Quote
{
    // Longest piece of user text repeated in a message; the rest is elided.
    private const int MaxLength = 60;

    /// <summary>Finnish typography quotes with ” on both sides.</summary>
    public static string Fi(string? text) => $"”{Shorten(text)}”";

    public static string En(string? text) => $"“{Shorten(text)}”";

    private static string Shorten(string? text)
    {
        var trimmed = text.OrEmpty().Trim();
        if (trimmed.Length <= MaxLength)
        {
            return trimmed;
        }

        // Never cut between the two halves of a surrogate pair.
        var cut = char.IsHighSurrogate(trimmed[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        return string.Concat(trimmed.AsSpan(0, cut), "…");
    }
}
