using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>What every form page says at the top: whose strategy, which stage and round, for whom, until when.</summary>
public sealed record FormHeader(
    Language Language,
    string Organization,
    string StrategyTitle,
    StageKey Stage,
    int Round,
    string ParticipantName,
    DateTimeOffset? Deadline);

/// <summary>How many empty rows each list editor shows after its items: one, unless the posted form said otherwise.</summary>
public sealed record BlankRows(IReadOnlyDictionary<string, int> PerList)
{
    public static BlankRows One { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal));

    public int For(string list) => PerList.TryGetValue(list, out var rows) ? Math.Clamp(rows, 0, FormReader.MaxBlankRows) : 1;

    /// <summary>The same rows and one more empty row in <paramref name="list"/>.</summary>
    public BlankRows WithOneMore(string list) =>
        new(new Dictionary<string, int>(PerList, StringComparer.Ordinal) { [list] = For(list) + 1 });
}

/// <summary>
/// A stakeholder's form: <paramref name="Answer"/> prefills it (their previous answer, or what they just
/// posted when <paramref name="Errors"/> are shown); <paramref name="Blank"/> empty rows follow each list.
/// </summary>
public sealed record StakeholderFormModel(
    FormHeader Header,
    StageAnswer Answer,
    StrategyContext Context,
    string? SendBackComment,
    IReadOnlyList<FieldError> Errors,
    BlankRows? Blank = null)
{
    /// <summary>Who asked for the changes that opened this round (their name), and when.</summary>
    public ReviewActivity? SentBackBy { get; init; }
}

/// <summary>
/// What a stakeholder sees once their answer counted: what was saved, what happens next, until when it can be
/// changed, and the way back to the form (<paramref name="EditHref"/>, their own link).
/// </summary>
public sealed record AnswerReceiptModel(FormHeader Header, StageAnswer Answer, StrategyContext Context, string EditHref)
{
    /// <summary>False when this answer was the last one missing: the round has closed and nothing can be changed now.</summary>
    public bool RoundOpen { get; init; } = true;
}

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

/// <summary>
/// A personal link whose round is over, read-only: the person's own part of that round (a stakeholder's answer,
/// an approver's decision) and, once the stage is approved, its approved content. <see cref="FormHeader.Round"/>
/// is the link's round.
/// </summary>
public sealed record ClosedRoundModel(FormHeader Header, ClosedRoundState State, StrategyContext Context, bool IsApprover)
{
    /// <summary>The stakeholder's answer in the link's round; null when they did not answer.</summary>
    public StageAnswer? Answer { get; init; }

    /// <summary>The approver's decision in the link's round; null when they made none.</summary>
    public ReviewActivity? Decision { get; init; }

    /// <summary>The stage as approved (<see cref="ClosedRoundState.Approved"/>).</summary>
    public StageAnswer? Approved { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The names of the approvers who approved the stage.</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];

    /// <summary>The round open now (<see cref="ClosedRoundState.Reopened"/>).</summary>
    public int CurrentRound { get; init; }

    /// <summary>The rejection comment or the reason for cancelling.</summary>
    public string? Reason { get; init; }
}

/// <summary>The reader page: the strategy as approved so far; <paramref name="Self"/> is the link's own relative address (its documents hang below it).</summary>
public sealed record ReaderPageModel(Http.StrategyRecord Record, string PersonName, string Self);

/// <summary>The owner's progress page; <paramref name="ReaderHref"/> opens the approved stages (a reader link of the owner's own).</summary>
public sealed record ProgressPageModel(Http.StrategyRecord Record, string PersonName, string ReaderHref, DateTimeOffset Now);

/// <summary>An approver's review page: every answer, the editable consolidated <paramref name="Draft"/>, the findings.</summary>
public sealed record ReviewPageModel(
    FormHeader Header,
    IReadOnlyList<ContributedAnswer> Answers,
    IReadOnlyList<string> NotAnswered,
    ConsolidatedDraft Consolidated,
    StageAnswer Draft,
    IReadOnlyList<Finding> Findings,
    StrategyContext Context,
    IReadOnlyList<FieldError> Errors,
    string Comment,
    BlankRows? Blank = null)
{
    /// <summary>The hash of <see cref="Draft"/> as the workflow holds it: posted back with an approval.</summary>
    public string? DraftSha256 { get; init; }

    /// <summary>The other approvers' decisions and comments this round, and their edits of the draft.</summary>
    public IReadOnlyList<ReviewActivity> Activity { get; init; } = [];

    /// <summary>Why the page is shown again (e.g. the draft changed meanwhile).</summary>
    public string? Notice { get; init; }

    /// <summary>Stakeholders' names by email: answers are headed by the person, not the address.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
}

/// <summary>One thing an approver did this round, as the review page lists it.</summary>
public sealed record ReviewActivity(string Who, DateTimeOffset At, string What, string? Comment);

/// <summary>The short pages shown after an action, or instead of a form.</summary>
public enum NoticeKind
{
    AnswerReceived,
    DecisionRecorded,
    RoundClosed,

    /// <summary>The answer was stored but the round closed before the workflow counted it.</summary>
    AnswerNotCounted,

    /// <summary>Stored and sent to the workflow, which has not confirmed it yet.</summary>
    AnswerPending,

    /// <summary>Another decision ended the review first, so this one was not counted.</summary>
    DecisionNotCounted,

    /// <summary>Sent to the workflow, which has not confirmed it yet.</summary>
    DecisionPending,
    LinkInvalid,

    /// <summary>An authentic link past its expiry, on a round still open to its owner: offers a fresh link.</summary>
    LinkExpired,

    /// <summary>A fresh link was asked for: it is on its way to the address the expired one was sent to.</summary>
    FreshLinkSent,
    NotFound,
    TooLarge,
    BadRequest,

    /// <summary>The body is not a URL-encoded form, the only kind the pages post.</summary>
    UnsupportedMediaType,
    Unavailable,

    /// <summary>A reader link of a strategy whose reader access ops have revoked.</summary>
    ReaderAccessRevoked,

    /// <summary>A document asked for before the strategy was archived.</summary>
    NotArchivedYet,
}
