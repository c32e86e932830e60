using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Coherence;

/// <summary>One coherence rule: its stable id, the stage it checks (none: every stage), how serious a finding is, and what it asks.</summary>
public sealed record CoherenceRule(string Id, StageKey? Stage, Severity Severity, string Summary);

/// <summary>
/// The stable ids of the docs/design.md §4 checks. Ids never change meaning: documents, logs and clients refer to them.
/// <see cref="All"/> is also the order findings are reported in.
/// </summary>
public static class CoherenceRules
{
    /// <summary>Any stage: stakeholders were split evenly on a value and the draft still leaves it empty (error).</summary>
    public const string UnresolvedTie = "unresolved-tie";

    /// <summary>Stage 1: a goal names no business goal (error).</summary>
    public const string GoalWithoutBusinessGoal = "goal-without-business-goal";

    /// <summary>Stage 1: a goal names a business goal the strategy does not have (error).</summary>
    public const string GoalWithUnknownBusinessGoal = "goal-with-unknown-business-goal";

    /// <summary>Stage 1: a goal has no metric (warning).</summary>
    public const string GoalWithoutMetric = "goal-without-metric";

    /// <summary>Stage 2: a channel reaches none of the stage's audiences (warning).</summary>
    public const string ChannelWithoutAudience = "channel-without-audience";

    /// <summary>Stage 2: no channel reaches an audience (warning).</summary>
    public const string AudienceWithoutChannel = "audience-without-channel";

    /// <summary>Stage 3: an activity serves no approved goal (error).</summary>
    public const string ActivityWithoutGoal = "activity-without-goal";

    /// <summary>Stage 3: an activity runs on no approved channel (error).</summary>
    public const string ActivityWithoutChannel = "activity-without-channel";

    /// <summary>Stage 3: an activity has no metric (error).</summary>
    public const string ActivityWithoutMetric = "activity-without-metric";

    /// <summary>Stage 3: an activity has no review cadence (error).</summary>
    public const string ActivityWithoutReview = "activity-without-review";

    /// <summary>Stage 3: an approved goal has no activity (warning).</summary>
    public const string GoalWithoutActivity = "goal-without-activity";

    /// <summary>Stage 4: nobody owns the strategy as a whole (error).</summary>
    public const string NoOverallOwner = "no-overall-owner";

    /// <summary>Stage 4: an approved channel has no owner (error).</summary>
    public const string ChannelWithoutOwner = "channel-without-owner";

    /// <summary>Stage 4: an approved activity has no owner (error).</summary>
    public const string ActivityWithoutOwner = "activity-without-owner";

    /// <summary>Stage 4: stakeholders named different owners for one item (warning).</summary>
    public const string OwnerConflict = "owner-conflict";

    public static IReadOnlyList<CoherenceRule> All { get; } =
    [
        new(UnresolvedTie, null, Severity.Error, "Where stakeholders are split evenly, the approver chooses the value."),
        new(GoalWithoutBusinessGoal, StageKey.Goals, Severity.Error, "Every goal names the business goal it supports."),
        new(GoalWithUnknownBusinessGoal, StageKey.Goals, Severity.Error, "A goal's business goal is one of the strategy's business goals."),
        new(GoalWithoutMetric, StageKey.Goals, Severity.Warning, "Every goal has a metric."),
        new(ChannelWithoutAudience, StageKey.Audiences, Severity.Warning, "Every channel reaches at least one audience."),
        new(AudienceWithoutChannel, StageKey.Audiences, Severity.Warning, "Every audience has a channel."),
        new(ActivityWithoutGoal, StageKey.Activities, Severity.Error, "Every activity serves at least one approved goal."),
        new(ActivityWithoutChannel, StageKey.Activities, Severity.Error, "Every activity runs on at least one approved channel."),
        new(ActivityWithoutMetric, StageKey.Activities, Severity.Error, "Every activity has a metric."),
        new(ActivityWithoutReview, StageKey.Activities, Severity.Error, "Every activity has a review cadence."),
        new(GoalWithoutActivity, StageKey.Activities, Severity.Warning, "Every approved goal has an activity."),
        new(NoOverallOwner, StageKey.Ownership, Severity.Error, "One person owns the strategy as a whole."),
        new(ChannelWithoutOwner, StageKey.Ownership, Severity.Error, "Every approved channel has an owner."),
        new(ActivityWithoutOwner, StageKey.Ownership, Severity.Error, "Every approved activity has an owner."),
        new(OwnerConflict, StageKey.Ownership, Severity.Warning, "Stakeholders agree on who owns each item."),
    ];

    public static CoherenceRule Get(string id) => All[IndexOf(id)];

    /// <summary>The rule's position in <see cref="All"/>: the order findings are reported in.</summary>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown coherence rule.");
    }
}
