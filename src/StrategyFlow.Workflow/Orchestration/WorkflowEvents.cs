using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// External events, raised on the strategy's instance. They are at-least-once and may arrive late: each
/// answer and decision carries the stage and round it belongs to, and the stage ignores (and audits) stale
/// and duplicate ones.
/// </summary>
public static class WorkflowEvents
{
    public const string AnswerSubmitted = nameof(AnswerSubmitted);
    public const string DecisionSubmitted = nameof(DecisionSubmitted);
    public const string CancelRequested = nameof(CancelRequested);
    public const string RemindersRequested = nameof(RemindersRequested);
}

/// <summary>A stakeholder's answer for a round, stored by content hash before the event is raised.</summary>
public sealed record AnswerSubmitted(StageKey Stage, int Round, string Participant, string AnswerSha256, DateTimeOffset At);

/// <summary>
/// An approver's decision; the draft they decided on is stored by content hash. <see cref="BaseSha256"/> is
/// the draft their page showed: an edit of a draft that has since changed is not counted.
/// </summary>
public sealed record DecisionSubmitted(
    StageKey Stage,
    int Round,
    string Approver,
    DecisionKind Decision,
    string Comment,
    string DraftSha256,
    DateTimeOffset At,
    string? BaseSha256 = null);

public sealed record CancelRequested(string Reason, DateTimeOffset At);

public sealed record RemindersRequested(DateTimeOffset At);
