using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>One stage's orchestration input: who takes part, the timing, what earlier stages approved.</summary>
public sealed record StageInput(StrategyHeader Strategy, StagePlan Plan, Timing Timing, StrategyContext Context)
{
    public StageKey Stage => Plan.Stage;

    public DeliveryPolicy Delivery { get; init; } = DeliveryPolicy.Default;
}

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

/// <summary>A stakeholder's answer by reference: the content lives in the submissions store.</summary>
public sealed record AnswerRef(string Participant, string AnswerSha256);

/// <summary>
/// Input of <c>PrepareReview</c>: the answers that arrived in a round, and the review requests to send
/// once the review is frozen (one activity closes the round: one hop less between the last answer and the mail).
/// </summary>
public sealed record ReviewRequest(
    string StrategyId,
    StageKey Stage,
    int Round,
    StrategyContext Context,
    IReadOnlyList<AnswerRef> Answers,
    IReadOnlyList<string> NotAnswered,
    MailBatch ReviewRequests);

/// <summary>The frozen review: the consolidated draft's hash (where the approvers start), its findings, and review requests SendGrid refused.</summary>
public sealed record ReviewSummary(string DraftSha256, int Errors, int Warnings, IReadOnlyList<string> Rejected);

/// <summary>
/// Input of <c>ApproveStage</c>: the approved draft by reference, who approved it, and the mail that
/// announces the approval (sent only when the draft is accepted).
/// </summary>
public sealed record StageApprovalRequest(
    string StrategyId,
    StageKey Stage,
    int Round,
    string DraftSha256,
    IReadOnlyList<string> ApprovedBy,
    IReadOnlyList<string> Contributors,
    DateTimeOffset ApprovedAt,
    StrategyContext Context,
    MailBatch Announcement);

/// <summary>
/// What an approval produced: the stage snapshot's hash and the context later stages may refer to,
/// or why the draft could not be approved (coherence errors).
/// </summary>
public sealed record StageApprovalResult(bool Accepted, string? ContentSha256, StrategyContext? NextContext, string? Reason);

/// <summary>Input of <c>ArchiveStrategy</c>, with the outcome mail to everyone, sent once the document is archived.</summary>
public sealed record ArchiveRequest(
    StrategyHeader Strategy,
    DocumentOutcome Outcome,
    IReadOnlyList<StageKey> ApprovedStages,
    IReadOnlyList<DecisionRecord> Decisions,
    DateTimeOffset ArchivedAt,
    MailBatch Announcement);

/// <summary>Where the archived strategy is: blob names in the <c>strategies</c> container.</summary>
public sealed record ArchiveResult(string Json, string Markdown, string Html);
