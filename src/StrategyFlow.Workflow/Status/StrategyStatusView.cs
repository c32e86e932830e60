using StrategyFlow.Workflow.Orchestration;

namespace StrategyFlow.Workflow.Status;

/// <summary>The status of a strategy as ops see it.</summary>
public sealed record StrategyStatusView(
    string Id,
    string Status,
    string Title,
    string Organization,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    StageView? Stage,
    IReadOnlyList<DecisionView> Decisions,
    DocumentLocations? Document,
    string? Reason,
    int IgnoredEvents)
{
    /// <summary>What is waiting to be sent or stored because mail or storage keeps failing; null when nothing is late.</summary>
    public DeliveryStatus? Delivery { get; init; }

    /// <summary>Recipients SendGrid refused (an invalid address): they got no mail, and the owner was told.</summary>
    public IReadOnlyList<string> Undeliverable { get; init; } = [];
}
