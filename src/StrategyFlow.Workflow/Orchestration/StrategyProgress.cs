namespace StrategyFlow.Workflow.Orchestration;

/// <summary>The strategy orchestration's custom status: which stage runs, and the decisions of finished stages.</summary>
public sealed record StrategyProgress(int Stage, StagePhase Phase, IReadOnlyList<DecisionView> Decisions)
{
    /// <summary>The archive (and its outcome mail) when it is late.</summary>
    public DeliveryStatus? Delivery { get; init; }

    /// <summary>Events the finished stages did not act on.</summary>
    public int IgnoredEvents { get; init; }

    /// <summary>Recipients SendGrid refused in the stages so far.</summary>
    public IReadOnlyList<string> Undeliverable { get; init; } = [];
}
