namespace StrategyFlow.Core.Answers;

/// <summary>Length and count limits for every field people type into. One place, used by validation and forms.</summary>
public static class Limits
{
    /// <summary>Names, titles, metrics, cadences: one line.</summary>
    public const int ShortText = 200;

    /// <summary>Descriptions, purposes, roles.</summary>
    public const int MediumText = 1_000;

    /// <summary>Free-text answers to guiding questions.</summary>
    public const int LongText = 4_000;

    /// <summary>An approver's comment.</summary>
    public const int Comment = 2_000;

    /// <summary>RFC 5321 path limit.</summary>
    public const int Email = 254;

    /// <summary>Items in one structured list.</summary>
    public const int ListItems = 50;

    /// <summary>References inside one item (an activity's goals, a channel's audiences).</summary>
    public const int References = 20;
}
