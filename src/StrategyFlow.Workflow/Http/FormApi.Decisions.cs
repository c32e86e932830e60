using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;


namespace StrategyFlow.Workflow.Http;

/// <summary>Approvers: the review page, and a decision posted and confirmed.</summary>
public static partial class FormApi
{
    private static async Task<IResult> SubmitDecisionAsync(FormSession session, IFormCollection form, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        var comment = FormReader.ReadComment(form);
        var action = FormReader.ReadAction(form);
        var decision = action.Kind switch
        {
            FormActionKind.Approve => DecisionKind.Approved,
            FormActionKind.RequestChanges => DecisionKind.ChangesRequested,
            FormActionKind.Reject => DecisionKind.Rejected,
            _ => (DecisionKind?)null,
        };

        // Only an approval (or adding a row) needs the draft: sending back and rejecting never fail on it.
        var review = await services.Repository.GetReviewAsync(claims.StrategyId, claims.Stage, claims.Round, cancellationToken);
        StageAnswer Posted() => review is null
            ? FormReader.ReadAnswer(claims.Stage, form)
            : DraftNotes.ApplyChoices(FormReader.ReadAnswer(claims.Stage, form), form, review.Consolidated, review.Answers);
        var draft = action.Kind is FormActionKind.Approve or FormActionKind.AddRow ? Posted() : null;
        if (action.Kind == FormActionKind.AddRow)
        {
            return await ReviewPageAsync(session, services, new ReviewPageState(draft, comment, FormReader.ReadBlankRows(claims.Stage, form).WithOneMore(action.List!)), cancellationToken);
        }

        if (decision is null)
        {
            return FormPages.Notice(NoticeKind.BadRequest, session.Language);
        }

        var seen = form[FormFields.DraftBase].ToString();
        if (decision == DecisionKind.Approved && session.Status.DraftSha256 is { } current && seen != current)
        {
            // The draft moved on since the page was rendered: show the new one instead of overwriting it.
            return await ReviewPageAsync(session, services, new ReviewPageState(null, comment) { Notice = PageText.DraftChangedNotice.In(session.Language) }, cancellationToken);
        }

        var errors = DecisionRules.Check(decision.Value, comment, draft, session.Input.Context, review?.Consolidated.Conflicts, out var findings);
        if (errors.Count > 0)
        {
            // Shown again with everything typed, the approver's edits of the draft too (reading them never fails).
            var typed = draft ?? Posted();
            return await ReviewPageAsync(session, services, new ReviewPageState(typed, comment, FormReader.ReadBlankRows(claims.Stage, form)) { Errors = errors, Findings = findings }, cancellationToken);
        }

        var sha = draft is null
            ? session.Status.DraftSha256 ?? ""
            : await services.Repository.SaveDraftAsync(claims.StrategyId, claims.Stage, claims.Round, claims.Participant, draft, cancellationToken);
        var submitted = services.Time.GetUtcNow();
        await client.RaiseEventAsync(
            claims.StrategyId,
            WorkflowEvents.DecisionSubmitted,
            new DecisionSubmitted(claims.Stage, claims.Round, claims.Participant, decision.Value, comment, sha, submitted, seen),
            cancellationToken);
        return await ConfirmDecisionAsync(session, client, services, submitted, comment, cancellationToken);
    }

    /// <summary>"Recorded" only once the stage shows the decision; otherwise what happened instead.</summary>
    private static async Task<IResult> ConfirmDecisionAsync(
        FormSession session, DurableTaskClient client, FormServices services, DateTimeOffset submitted, string comment, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        bool Mine(DecisionView d) => d.Approver == claims.Participant && d.Round == claims.Round && d.At == submitted;
        var settled = await StageConfirmation.AwaitAsync(client, claims.StrategyId, claims.Stage, services.Time, services.FirstConfirmationRead, status =>
            status.Decisions.Any(Mine) || status.Round != claims.Round || status.Phase != StagePhase.AwaitingApproval
            || StageConfirmation.IgnoredSince(status, WorkflowEvents.DecisionSubmitted, claims.Participant, submitted) is not null, cancellationToken);
        var language = session.Language;
        if (settled is null)
        {
            return FormPages.Notice(NoticeKind.DecisionPending, language);
        }

        string Name(string email) => ApproverName(session.Input, email);
        if (settled.Decisions.Any(Mine))
        {
            var waiting = settled.Phase == StagePhase.AwaitingApproval && settled.Round == claims.Round && settled.Pending.Count > 0
                ? PageText.WaitingForOthers.Format(language, string.Join(", ", settled.Pending.Select(Name)))
                : null;
            return FormPages.Notice(NoticeKind.DecisionRecorded, language, waiting);
        }

        if (StageConfirmation.IgnoredSince(settled, WorkflowEvents.DecisionSubmitted, claims.Participant, submitted) is { Reason: IgnoreReasons.DraftChanged })
        {
            return await ReviewPageAsync(session with { Status = settled }, services, new ReviewPageState(null, comment) { Notice = PageText.DraftChangedNotice.In(language) }, cancellationToken);
        }

        var decisive = settled.Decisions.LastOrDefault(d => d.Round == claims.Round && d.Approver != claims.Participant);
        return FormPages.Notice(NoticeKind.DecisionNotCounted, language, decisive is null ? null : PageText.DecidedBy.Format(language, Name(decisive.Approver)));
    }

    /// <summary>What the review page shows besides the stage's state: what the approver typed, and why the page is shown again.</summary>
    private sealed record ReviewPageState(StageAnswer? Draft, string Comment, BlankRows? Blank = null)
    {
        public IReadOnlyList<FieldError> Errors { get; init; } = [];

        public IReadOnlyList<Finding>? Findings { get; init; }

        public string? Notice { get; init; }
    }

    private static async Task<IResult> ReviewPageAsync(FormSession session, FormServices services, ReviewPageState state, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        var review = await services.Repository.GetReviewAsync(claims.StrategyId, claims.Stage, claims.Round, cancellationToken);
        if (review is null)
        {
            // The round closed a moment ago and the review is still being prepared.
            return FormPages.Notice(NoticeKind.Unavailable, session.Language);
        }

        // Until the stage has published the draft under review, it is the consolidated one: no edit can count before.
        var consolidated = review.Consolidated.Draft;
        var current = session.Status.DraftSha256 ?? CoreJson.Sha256(consolidated);
        var shared = current == CoreJson.Sha256(consolidated)
            ? consolidated
            : await services.Repository.GetDraftAsync(claims.StrategyId, claims.Stage, claims.Round, current, cancellationToken)
                ?? throw new InvalidOperationException("The draft under review is missing.");
        var draft = state.Draft ?? shared;
        var findings = state.Findings ?? (draft == consolidated ? review.Findings : CoherenceChecker.Check(draft, session.Input.Context, review.Consolidated.Conflicts));
        var stakeholders = session.Input.Plan.Stakeholders;
        var names = stakeholders.ToDictionary(p => p.Email, p => p.Name, StringComparer.Ordinal);
        var notAnswered = review.NotAnswered
            .Select(email => stakeholders.FirstOrDefault(s => s.Email == email) is { } person ? $"{person.Name} <{person.Email}>" : email)
            .ToList();
        return FormPages.ReviewPage(new ReviewPageModel(
            session.Header, review.Answers, notAnswered, review.Consolidated, draft, findings, session.Input.Context, state.Errors, state.Comment, state.Blank)
        {
            DraftSha256 = current,
            Activity = Activity(session),
            Notice = state.Notice,
            Names = names,
        });
    }

    /// <summary>This round's decisions and edits by approvers, oldest first; approvals of an earlier draft are marked as lapsed.</summary>
    private static List<ReviewActivity> Activity(FormSession session)
    {
        var status = session.Status;
        var language = session.Language;
        string Name(string email) => ApproverName(session.Input, email);
        var decisions = status.Decisions.Where(d => d.Round == status.Round).Select(d => new ReviewActivity(
            Name(d.Approver),
            d.At,
            d.Decision == DecisionKind.ChangesRequested ? PageText.ActivityChangesRequested.In(language)
                : d.Decision == DecisionKind.Rejected ? PageText.ActivityRejected.In(language)
                : d.ContentSha256 == status.DraftSha256 ? PageText.ActivityApproved.In(language) : PageText.ActivityApprovedEarlier.In(language),
            d.Comment));
        var edits = status.Edits.Select(e => new ReviewActivity(Name(e.Approver), e.At, PageText.ActivityEdited.In(language), null));
        return decisions.Concat(edits).OrderBy(a => a.At).ToList();
    }
}
