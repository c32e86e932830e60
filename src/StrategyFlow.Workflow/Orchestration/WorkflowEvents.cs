using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// External events. They are at-least-once and may arrive late: each carries the round it belongs
/// to, and the orchestrators ignore (and audit) stale and duplicate ones.
/// </summary>
public static class WorkflowEvents
{
    public const string AnswerSubmitted = nameof(AnswerSubmitted);
    public const string DecisionSubmitted = nameof(DecisionSubmitted);
    public const string CancelRequested = nameof(CancelRequested);
    public const string RemindersRequested = nameof(RemindersRequested);
}

/// <summary>A stakeholder's answer for a round, stored by content hash before the event is raised.</summary>
public sealed record AnswerSubmitted(int Round, string Participant, string AnswerSha256, DateTimeOffset At);

/// <summary>
/// An approver's decision; the draft they decided on is stored by content hash. <see cref="BaseSha256"/> is
/// the draft their page showed: an edit of a draft that has since changed is not counted.
/// </summary>
public sealed record DecisionSubmitted(
    int Round,
    string Approver,
    DecisionKind Decision,
    string Comment,
    string DraftSha256,
    DateTimeOffset At,
    string? BaseSha256 = null);

public sealed record CancelRequested(string Reason, DateTimeOffset At);

public sealed record RemindersRequested(DateTimeOffset At);

/// <summary>Instance ids: the strategy id for the strategy, and a fixed child id per stage.</summary>
public static class InstanceIds
{
    public static string Stage(string strategyId, StageKey stage) => $"{strategyId}:{stage.Number()}";

    public static bool IsStage(string instanceId) => instanceId.Contains(':', StringComparison.Ordinal);
}
