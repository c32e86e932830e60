using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>Where a round stands. Answers count only while collecting, decisions only while reviewing.</summary>
public enum RoundPhase
{
    Collecting,
    Reviewing,

    /// <summary>The deciding approval is being archived: nothing more is decided in this round.</summary>
    Approving,
    Closed,
}

/// <summary>Why an event was not acted on; audited, and shown to the person who sent it.</summary>
public static class IgnoreReasons
{
    public const string AnotherStage = "another stage";
    public const string AnotherRound = "another round";
    public const string NotStakeholder = "not a stakeholder of this stage";
    public const string NotApprover = "not an approver of this stage";
    public const string RoundClosed = "the round has closed";
    public const string AfterDeadline = "after the deadline";
    public const string Duplicate = "duplicate";
    public const string NotAwaitingApproval = "not awaiting approval";
    public const string AlreadyDecided = "already decided";
    public const string DraftChanged = "the draft changed meanwhile";
}

/// <summary>How a review ended.</summary>
public enum ReviewOutcome
{
    Approved,
    ChangesRequested,
    Rejected,
}

/// <summary>The end of a round's review: the approved draft and who approved it, or the send-back/rejection comment.</summary>
public sealed record RoundEnd(ReviewOutcome Outcome, string? DraftSha256, IReadOnlyList<string> ApprovedBy, string Comment);

/// <summary>
/// What a decision did: <see cref="IgnoredBecause"/> when it was not counted; otherwise the record to
/// keep, the approvers whose earlier approval no longer counts (the draft changed), and the round's end if it ended.
/// </summary>
public sealed record DecisionVerdict(string? IgnoredBecause, DecisionRecord? Record, IReadOnlyList<string> AskAgain, RoundEnd? End)
{
    public static DecisionVerdict Ignored(string reason) => new(reason, null, [], null);
}

/// <summary>An approver's edit of the shared draft: from then on the draft under review is <see cref="DraftSha256"/>.</summary>
public sealed record DraftEdit(string Approver, DateTimeOffset At, string DraftSha256);

/// <summary>
/// The rules of one round of one stage, with no Durable host: which answers count, which decisions
/// count, how the <c>any</c> and <c>all</c> policies end a review. The stage orchestrator feeds it
/// events and acts on its verdicts; the same rules hold on replay because they only read their inputs.
/// </summary>
/// <remarks>
/// Approvers review one shared draft. An approval is for a content hash: an approver who approves an
/// edited draft makes it the draft under review, and every earlier approval stops counting. Under
/// <c>all</c> the round is approved when every approver approved the same hash.
/// </remarks>
public sealed class StageRound
{
    private readonly StagePlan _plan;
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _approvals = new(StringComparer.Ordinal);
    private readonly List<DraftEdit> _edits = [];

    public StageRound(StagePlan plan, int number, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        _plan = plan;
        Number = number;
        Deadline = deadline;
    }

    public int Number { get; }

    public RoundPhase Phase { get; private set; } = RoundPhase.Collecting;

    /// <summary>The deadline announced for the current phase: answers until the review starts, then decisions.</summary>
    public DateTimeOffset Deadline { get; private set; }

    /// <summary>Each stakeholder's counted answer, by content hash.</summary>
    public IReadOnlyDictionary<string, string> Answers => _answers;

    /// <summary>The draft under review (set when the review starts; an approver's edit replaces it).</summary>
    public string? DraftSha256 { get; private set; }

    public IReadOnlyList<DraftEdit> Edits => _edits;

    public bool EveryoneAnswered => _plan.Stakeholders.All(s => _answers.ContainsKey(s.Email));

    public IEnumerable<string> PendingStakeholders => _plan.Stakeholders.Select(s => s.Email).Where(e => !_answers.ContainsKey(e));

    /// <summary>Approvers whose approval counts for the current draft.</summary>
    public IEnumerable<string> Approved => _plan.Approvers.Select(a => a.Email).Where(HasApprovedCurrentDraft);

    public IEnumerable<string> PendingApprovers => _plan.Approvers.Select(a => a.Email).Where(a => !HasApprovedCurrentDraft(a));

    /// <summary>Counts a stakeholder's answer (a revision replaces the earlier one); the reason when it does not count.</summary>
    public string? Answer(AnswerSubmitted answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Stage != _plan.Stage ? IgnoreReasons.AnotherStage : Answer(answer.Participant, answer.Round, answer.AnswerSha256, answer.At);
    }

    /// <summary>Counts a stakeholder's answer to this stage (a revision replaces the earlier one); the reason when it does not count.</summary>
    public string? Answer(string participant, int round, string answerSha256, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var email = participant.ToLowerInvariant();
        var reason =
            round != Number ? IgnoreReasons.AnotherRound
            : !_plan.Stakeholders.Any(s => s.Email == email) ? IgnoreReasons.NotStakeholder
            : Phase != RoundPhase.Collecting ? IgnoreReasons.RoundClosed
            : at > Deadline ? IgnoreReasons.AfterDeadline
            : _answers.TryGetValue(email, out var counted) && counted == answerSha256 ? IgnoreReasons.Duplicate
            : null;
        if (reason is null)
        {
            _answers[email] = answerSha256;
        }

        return reason;
    }

    /// <summary>Closes the collection (everyone answered, or the deadline); the review runs until <paramref name="reviewDeadline"/>.</summary>
    public IReadOnlyList<AnswerRef> CloseCollection(DateTimeOffset reviewDeadline)
    {
        EnsurePhase(RoundPhase.Collecting);
        Phase = RoundPhase.Reviewing;
        Deadline = reviewDeadline;
        return _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AnswerRef(a.Key, a.Value)).ToList();
    }

    /// <summary>The consolidated draft the approvers start from.</summary>
    public void StartReview(string consolidatedDraftSha256)
    {
        EnsurePhase(RoundPhase.Reviewing);
        DraftSha256 ??= consolidatedDraftSha256;
    }

    /// <summary>Applies one decision under the stage's policy.</summary>
    public DecisionVerdict Decide(DecisionSubmitted decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var approver = decision.Approver.ToLowerInvariant();
        var reason =
            decision.Stage != _plan.Stage ? IgnoreReasons.AnotherStage
            : decision.Round != Number ? IgnoreReasons.AnotherRound
            : !_plan.Approvers.Any(a => a.Email == approver) ? IgnoreReasons.NotApprover
            : Phase == RoundPhase.Collecting ? IgnoreReasons.NotAwaitingApproval
            : Phase != RoundPhase.Reviewing ? IgnoreReasons.AlreadyDecided
            : null;
        if (reason is not null)
        {
            return DecisionVerdict.Ignored(reason);
        }

        if (decision.Decision != DecisionKind.Approved)
        {
            Phase = RoundPhase.Closed;
            var outcome = decision.Decision == DecisionKind.Rejected ? ReviewOutcome.Rejected : ReviewOutcome.ChangesRequested;
            return new DecisionVerdict(null, Record(decision, approver, null), [], new RoundEnd(outcome, null, [], decision.Comment));
        }

        return Approve(decision, approver);
    }

    /// <summary>The approval could not be archived (its draft fails the checks): the approver's approval is withdrawn.</summary>
    public void ApprovalRefused(string approver)
    {
        ArgumentNullException.ThrowIfNull(approver);
        EnsurePhase(RoundPhase.Approving);
        _approvals.Remove(approver.ToLowerInvariant());
        Phase = RoundPhase.Reviewing;
    }

    /// <summary>The approval is archived: the round is over.</summary>
    public void ApprovalArchived()
    {
        EnsurePhase(RoundPhase.Approving);
        Phase = RoundPhase.Closed;
    }

    private DecisionVerdict Approve(DecisionSubmitted decision, string approver)
    {
        IReadOnlyList<string> askAgain = [];
        if (decision.DraftSha256 != DraftSha256)
        {
            if (decision.BaseSha256 is { } seen && seen != DraftSha256)
            {
                return DecisionVerdict.Ignored(IgnoreReasons.DraftChanged); // edited a draft that has moved on
            }

            // An edit: the approver's version is the draft from now on; approvals of the old one lapse.
            askAgain = _approvals.Keys.Where(a => a != approver).Order(StringComparer.Ordinal).ToList();
            _approvals.Clear();
            DraftSha256 = decision.DraftSha256;
            _edits.Add(new DraftEdit(approver, decision.At, decision.DraftSha256));
        }
        else if (HasApprovedCurrentDraft(approver))
        {
            return DecisionVerdict.Ignored(IgnoreReasons.Duplicate);
        }

        _approvals[approver] = DraftSha256!;
        var record = Record(decision, approver, DraftSha256);
        var done = _plan.Policy == ApprovalPolicy.Any || !PendingApprovers.Any();
        if (!done)
        {
            return new DecisionVerdict(null, record, askAgain, null);
        }

        Phase = RoundPhase.Approving;
        var approvedBy = Approved.Order(StringComparer.Ordinal).ToList();
        return new DecisionVerdict(null, record, askAgain, new RoundEnd(ReviewOutcome.Approved, DraftSha256, approvedBy, decision.Comment));
    }

    private bool HasApprovedCurrentDraft(string approver) =>
        DraftSha256 is not null && _approvals.TryGetValue(approver, out var sha) && sha == DraftSha256;

    private DecisionRecord Record(DecisionSubmitted decision, string approver, string? contentSha256) =>
        new(_plan.Stage, Number, approver, decision.Decision, decision.Comment, decision.At, contentSha256);

    private void EnsurePhase(RoundPhase expected)
    {
        if (Phase != expected)
        {
            throw new InvalidOperationException($"Round {Number} is {Phase}, not {expected}.");
        }
    }
}
