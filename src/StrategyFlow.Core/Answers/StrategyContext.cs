using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Answers;

/// <summary>
/// What a stage's content may refer to: the strategy's business goals and what earlier stages
/// approved. Stage 1 sees only the business goals; stage 4 sees everything.
/// </summary>
public sealed record StrategyContext
{
    public IReadOnlyList<string> BusinessGoals { get; init; } = [];

    /// <summary>Titles of the approved stage-1 goals.</summary>
    public IReadOnlyList<string> ApprovedGoals { get; init; } = [];

    /// <summary>Names of the approved stage-2 channels.</summary>
    public IReadOnlyList<string> ApprovedChannels { get; init; } = [];

    /// <summary>Titles of the approved stage-3 activities.</summary>
    public IReadOnlyList<string> ApprovedActivities { get; init; } = [];

    /// <summary>The context the following stages see once <paramref name="approved"/> is approved: its items, by name.</summary>
    public StrategyContext After(StageAnswer approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        return approved.Stage switch
        {
            StageKey.Goals => this with { ApprovedGoals = approved.Goals.Select(g => g.Title).ToList() },
            StageKey.Audiences => this with { ApprovedChannels = approved.Channels.Select(c => c.Name).ToList() },
            StageKey.Activities => this with { ApprovedActivities = approved.Activities.Select(a => a.Title).ToList() },
            _ => this,
        };
    }
}
