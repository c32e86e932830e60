using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Activities;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>The strategy orchestration's output.</summary>
public sealed record StrategyOutcome(
    DocumentOutcome Outcome,
    ArchiveResult Document,
    IReadOnlyList<DecisionView> Decisions,
    int IgnoredEvents,
    string? Reason)
{
    /// <summary>Recipients SendGrid refused during the strategy.</summary>
    public IReadOnlyList<string> Undeliverable { get; init; } = [];
}
