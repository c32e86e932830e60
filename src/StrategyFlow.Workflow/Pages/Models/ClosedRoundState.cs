namespace StrategyFlow.Workflow.Pages;

/// <summary>Where the stage stands when a link's round is over.</summary>
public enum ClosedRoundState
{
    /// <summary>The answers are with the approvers.</summary>
    Reviewing,

    /// <summary>An approver asked for changes: a later round is open (<see cref="ClosedRoundModel.CurrentRound"/>).</summary>
    Reopened,
    Approved,
    Rejected,
    Cancelled,
}
