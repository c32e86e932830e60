using StrategyFlow.Core.Answers;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// A personal link whose round is over, read-only: the person's own part of that round (a stakeholder's answer,
/// an approver's decision) and, once the stage is approved, its approved content. <see cref="FormHeader.Round"/>
/// is the link's round.
/// </summary>
public sealed record ClosedRoundModel(FormHeader Header, ClosedRoundState State, StrategyContext Context, bool IsApprover)
{
    /// <summary>The stakeholder's answer in the link's round; null when they did not answer.</summary>
    public StageAnswer? Answer { get; init; }

    /// <summary>The approver's decision in the link's round; null when they made none.</summary>
    public ReviewActivity? Decision { get; init; }

    /// <summary>The stage as approved (<see cref="ClosedRoundState.Approved"/>).</summary>
    public StageAnswer? Approved { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The names of the approvers who approved the stage.</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];

    /// <summary>The round open now (<see cref="ClosedRoundState.Reopened"/>).</summary>
    public int CurrentRound { get; init; }

    /// <summary>The rejection comment or the reason for cancelling.</summary>
    public string? Reason { get; init; }
}
