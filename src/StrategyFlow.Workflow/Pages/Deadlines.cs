using System.Globalization;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// Deadlines as people read them. Finnish strategies show Finnish time; English ones UTC, said
/// explicitly, since their readers may be anywhere. Culture is always explicit.
/// </summary>
internal static class Deadlines
{
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo FinnishTime =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Helsinki", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary><c>pe 14.3.2027 klo 18.00</c> or <c>Friday 14 March 2027, 16:00 UTC</c>.</summary>
    public static string Format(DateTimeOffset deadline, Language language)
    {
        if (language == Language.Fi)
        {
            var local = TimeZoneInfo.ConvertTime(deadline, FinnishTime);
            return local.ToString("ddd d.M.yyyy 'klo' H.mm", Finnish);
        }

        return deadline.ToUniversalTime().ToString("dddd d MMMM yyyy, HH:mm 'UTC'", English);
    }

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset deadline) =>
        deadline.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
