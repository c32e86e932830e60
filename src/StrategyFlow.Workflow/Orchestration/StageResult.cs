using System.Text.Json.Serialization;
using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Activities;

namespace StrategyFlow.Workflow.Orchestration;

[JsonConverter(typeof(JsonStringEnumConverter<StageOutcome>))]
public enum StageOutcome
{
    Approved,
    Rejected,
    Cancelled,
}

/// <summary>An event the workflow did not act on, and why: kept for the audit.</summary>
public sealed record IgnoredEvent(string Event, string Participant, int Round, string Reason, DateTimeOffset At);

/// <summary>
/// How a stage ended. <see cref="Approved"/> is set when it was approved. Ignored events are counted;
/// only the most recent are kept, so a leaked link cannot grow the history without end.
/// </summary>
public sealed record StageResult(
    StageOutcome Outcome,
    int Round,
    StageApprovalResult? Approved,
    IReadOnlyList<DecisionRecord> Decisions,
    int IgnoredEvents,
    IReadOnlyList<IgnoredEvent> RecentIgnored,
    string? Reason)
{
    /// <summary>Recipients SendGrid refused during the stage.</summary>
    public IReadOnlyList<string> Undeliverable { get; init; } = [];
}
