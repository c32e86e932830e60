using StrategyFlow.Core.Documents;

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
