namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// The strategy orchestration's custom status, what ops and the form handler read: which stage runs and its
/// live state (<see cref="Current"/>), the decisions of the stages before it, and delays and refused addresses.
/// </summary>
public sealed record StrategyProgress(int Stage, StagePhase Phase, IReadOnlyList<DecisionView> Decisions)
{
    /// <summary>The running stage's round, answers, decisions and mail; null while archiving and once done.</summary>
    public StageStatus? Current { get; init; }

    /// <summary>What is late (the running stage's mail, or the archive), and why; null when nothing is.</summary>
    public DeliveryStatus? Delivery { get; init; }

    /// <summary>Events the stages so far did not act on.</summary>
    public int IgnoredEvents { get; init; }

    /// <summary>Recipients SendGrid refused in the stages so far.</summary>
    public IReadOnlyList<string> Undeliverable { get; init; } = [];
}
