namespace StrategyFlow.Core.Answers;

/// <summary>
/// Answers arrive as JSON, which can put null where the model says "never null". Rules read
/// through these so that malformed input yields findings or errors, never a NullReferenceException.
/// </summary>
internal static class NullSafe
{
    public static IReadOnlyList<T> OrEmpty<T>(this IReadOnlyList<T>? list) => list ?? [];

    public static string OrEmpty(this string? text) => text ?? string.Empty;

    public static bool IsBlank(this string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>The normalised keys of the non-blank texts (see <see cref="TextKey"/>).</summary>
    public static HashSet<string> KeySet(this IEnumerable<string?>? texts) =>
        (texts ?? []).Select(TextKey.Normalize).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
