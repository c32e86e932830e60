using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Answers;

/// <summary>
/// The JSON names of a stage answer's structured lists, as used in field paths, consolidation and
/// the review page, and which stage each belongs to.
/// </summary>
public static class AnswerLists
{
    public const string Goals = "goals";
    public const string Audiences = "audiences";
    public const string Channels = "channels";
    public const string Activities = "activities";
    public const string OverallOwner = "overallOwner";
    public const string ChannelOwners = "channelOwners";
    public const string ActivityOwners = "activityOwners";
    public const string Participants = "participants";

    /// <summary>Every list, in the order of the stages and of <see cref="StageAnswer"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Goals, Audiences, Channels, Activities, OverallOwner, ChannelOwners, ActivityOwners, Participants];

    /// <summary>The stage whose answer may fill the list.</summary>
    public static StageKey StageOf(string list) => list switch
    {
        Goals => StageKey.Goals,
        Audiences or Channels => StageKey.Audiences,
        Activities => StageKey.Activities,
        OverallOwner or ChannelOwners or ActivityOwners or Participants => StageKey.Ownership,
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Unknown list."),
    };
}
