using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Status;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Http;

/// <summary>What the form handlers need besides the durable client (one DI service for both hosts).</summary>
public sealed class FormServices(LinkTokens tokens, StrategyRepository repository, FreshLinks freshLinks, TimeProvider time, ILogger<FormServices> logger)
{
    public LinkTokens Tokens => tokens;

    public FreshLinks FreshLinks => freshLinks;

    public StrategyRepository Repository => repository;

    public TimeProvider Time => time;

    public ILogger Logger => logger;
}

/// <summary>
/// <c>GET|POST /api/forms/{token}</c>: the stakeholder form and the approver's review page, and the read-only pages of
/// reader and owner links. The token is the credential. GET never changes anything (mail scanners open links). POST checks the live
/// state of the round, stores the content, raises the event, and only then confirms: an answer that
/// was acknowledged is never lost.
/// </summary>
public static partial class FormApi
{
    public static async Task<IResult> GetAsync(string token, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            if (services.Tokens.Verify(token) is { Claims: { } claims } readOnly && LinkTokens.IsAboutTheStrategy(claims.Role))
            {
                return await ReadOnlyPageAsync(token, readOnly, client, services, cancellationToken);
            }

            var (session, closed) = await OpenAsync(token, client, services, cancellationToken);
            if (session is null)
            {
                return closed!;
            }

            if (session.Expired)
            {
                return FormPages.Notice(NoticeKind.LinkExpired, session.Language);
            }

            return session.Claims.Role == LinkRole.Stakeholder
                ? await StakeholderFormAsync(session, services, null, [], BlankRows.One, cancellationToken)
                : await ReviewPageAsync(session, services, new ReviewPageState(null, ""), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnavailable(services.Logger, e);
            return FormPages.Notice(NoticeKind.Unavailable);
        }
    }

    public static async Task<IResult> PostAsync(string token, HttpRequest request, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            if (services.Tokens.Verify(token) is { Claims: { } claims } readOnly && LinkTokens.IsAboutTheStrategy(claims.Role))
            {
                return await ReadOnlyPostAsync(token, readOnly, request, client, services, cancellationToken);
            }

            var (session, closed) = await OpenAsync(token, client, services, cancellationToken);
            if (session is null)
            {
                return closed!;
            }

            var form = await FormBody.ReadAsync(request, session.Language, cancellationToken);
            if (form.Page is not null)
            {
                return form.Page;
            }

            if (session.Expired)
            {
                return await ExpiredLinkPostAsync(session, form.Values!, services, cancellationToken);
            }

            return session.Claims.Role == LinkRole.Stakeholder
                ? await SubmitAnswerAsync(session, form.Values!, client, services, cancellationToken)
                : await SubmitDecisionAsync(session, form.Values!, client, services, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnavailable(services.Logger, e);
            return FormPages.Notice(NoticeKind.Unavailable);
        }
    }

    // ---- Stakeholders ---------------------------------------------------------------------

    private static async Task<IResult> SubmitAnswerAsync(FormSession session, IFormCollection form, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var stage = session.Claims.Stage;
        var answer = FormReader.ReadAnswer(stage, form);
        var action = FormReader.ReadAction(form);
        if (action.Kind == FormActionKind.AddRow)
        {
            return await StakeholderFormAsync(session, services, answer, [], FormReader.ReadBlankRows(stage, form).WithOneMore(action.List!), cancellationToken);
        }

        if (action.Kind != FormActionKind.Submit)
        {
            return FormPages.Notice(NoticeKind.BadRequest, session.Language);
        }

        var errors = AnswerValidator.Validate(answer, session.Input.Context);
        if (errors.Count > 0)
        {
            return await StakeholderFormAsync(session, services, answer, errors, FormReader.ReadBlankRows(stage, form), cancellationToken);
        }

        var claims = session.Claims;
        var sha = await services.Repository.SaveAnswerAsync(claims.StrategyId, stage, claims.Round, claims.Participant, answer, cancellationToken);
        if (session.Status.Counts(claims.Participant, sha))
        {
            return Receipt(session, answer, roundOpen: true); // the same answer again: nothing new to raise
        }

        var submitted = services.Time.GetUtcNow();
        await client.RaiseEventAsync(
            claims.StrategyId, WorkflowEvents.AnswerSubmitted, new AnswerSubmitted(stage, claims.Round, claims.Participant, sha, submitted), cancellationToken);

        // "Received" only once the stage itself shows the answer counted.
        var settled = await StageConfirmation.AwaitAsync(client, claims.StrategyId, stage, services.Time, status =>
            status.Counts(claims.Participant, sha)
            || status.Round != claims.Round || status.Phase != StagePhase.CollectingInput
            || StageConfirmation.IgnoredSince(status, WorkflowEvents.AnswerSubmitted, claims.Participant, submitted) is not null, cancellationToken);
        if (settled is null)
        {
            return FormPages.Notice(NoticeKind.AnswerPending, session.Language);
        }

        return settled.Round == claims.Round && settled.Counts(claims.Participant, sha)
            ? Receipt(session, answer, roundOpen: settled.Phase == StagePhase.CollectingInput)
            : FormPages.Notice(NoticeKind.AnswerNotCounted, session.Language);
    }

    /// <summary>What the person sees once their answer counts; the edit link is their own link (relative: it works behind any host name).</summary>
    private static HtmlResult Receipt(FormSession session, StageAnswer answer, bool roundOpen) =>
        ParticipantPages.AnswerReceipt(new AnswerReceiptModel(session.Header, answer, session.Input.Context, Routes.SiblingForm(session.Token)) { RoundOpen = roundOpen });

    private static async Task<IResult> StakeholderFormAsync(
        FormSession session, FormServices services, StageAnswer? answer, IReadOnlyList<FieldError> errors, BlankRows blankRows, CancellationToken cancellationToken)
    {
        answer ??= await CountedAnswerAsync(session, services, cancellationToken) ?? EmptyAnswer(session.Claims.Stage);
        var sentBack = session.Status.Decisions.LastOrDefault(d => d.Round == session.Claims.Round - 1 && d.Decision == DecisionKind.ChangesRequested);
        return FormPages.StakeholderForm(new StakeholderFormModel(
            session.Header, answer, session.Input.Context, session.Status.SendBackComment, errors, blankRows)
        {
            SentBackBy = sentBack is null ? null : new ReviewActivity(ApproverName(session.Input, sentBack.Approver), sentBack.At, "", sentBack.Comment),
        });
    }

    /// <summary>
    /// What to prefill: exactly the answer the workflow counted this round, or after a send-back the one the
    /// previous round's review used. A first visit in round 1 has nothing to show, and costs no storage call.
    /// </summary>
    private static async Task<StageAnswer?> CountedAnswerAsync(FormSession session, FormServices services, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        if (session.Status.Answers.TryGetValue(claims.Participant, out var counted))
        {
            return await services.Repository.GetAnswerByHashAsync(claims.StrategyId, claims.Stage, claims.Round, claims.Participant, counted, cancellationToken);
        }

        if (claims.Round == 1)
        {
            return null;
        }

        var previous = await services.Repository.GetReviewAsync(claims.StrategyId, claims.Stage, claims.Round - 1, cancellationToken);
        return previous?.Answers.FirstOrDefault(a => a.Contributor == claims.Participant)?.Answer;
    }

    // ---- Approvers ------------------------------------------------------------------------

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
        var settled = await StageConfirmation.AwaitAsync(client, claims.StrategyId, claims.Stage, services.Time, status =>
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

    // ---- Shared ---------------------------------------------------------------------------

    private sealed record FormSession(string Token, LinkClaims Claims, StageInput Input, StageStatus Status, Person Participant)
    {
        /// <summary>The link is authentic but past its expiry: it may only ask for a fresh one.</summary>
        public bool Expired { get; init; }

        public Language Language => Input.Strategy.Language;

        public FormHeader Header => new(
            Language, Input.Strategy.Organization, Input.Strategy.Title, Claims.Stage, Claims.Round, Participant.Name, Status.Deadline);
    }

    /// <summary>
    /// Verifies the link and the live state of its round: a session, or the page to show instead. An expired
    /// link passes the same checks as a valid one, so it only ever learns what a valid link would show.
    /// </summary>
    private static async Task<(FormSession? Session, IResult? Page)> OpenAsync(string token, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var verification = services.Tokens.Verify(token);
        if (verification.Status is not (LinkTokenStatus.Valid or LinkTokenStatus.Expired))
        {
            return (null, FormPages.Notice(NoticeKind.LinkInvalid));
        }

        var claims = verification.Claims!;
        var strategy = await StageConfirmation.ReadUntilAsync(
            client, claims.StrategyId, services.Time, StageConfirmation.CatchUp, s => !IsBehind(s, claims), cancellationToken);
        var run = StrategyState.Read<StrategyRun>(strategy?.SerializedInput);
        var plan = run?.Definition.Plan(claims.Stage);
        var people = claims.Role == LinkRole.Stakeholder ? plan?.Stakeholders : plan?.Approvers;
        var participant = people?.FirstOrDefault(p => p.Email == claims.Participant);
        if (strategy is null || run is null || participant is null || claims.Run != (run.Definition.Header.Run ?? ""))
        {
            return (null, FormPages.Notice(NoticeKind.LinkInvalid));
        }

        var language = run.Definition.Header.Language;
        if (IsBehind(strategy, claims))
        {
            // The mail went out but its stage or round is not committed yet (a host died in between, and the
            // episode runs again once its message reappears): neither closed nor invalid, just not ready.
            return (null, FormPages.Notice(NoticeKind.Unavailable, language));
        }

        var status = StageConfirmation.Of(strategy, claims.Stage);
        var phase = claims.Role == LinkRole.Stakeholder ? StagePhase.CollectingInput : StagePhase.AwaitingApproval;
        var open = strategy.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
            && run.Stage == claims.Stage && status is not null && status.Round == claims.Round && status.Phase == phase;
        if (!open || (claims.Role == LinkRole.Stakeholder && status!.Deadline < services.Time.GetUtcNow()))
        {
            // An expired link learns no more than that: only a live one shows the person's part of the round.
            return (null, verification.IsValid
                ? await ClosedRoundAsync(claims, strategy, run, status, participant, services, cancellationToken)
                : FormPages.Notice(NoticeKind.RoundClosed, language));
        }

        if (claims.Role == LinkRole.Approver && status!.Answered.Contains(participant.Email))
        {
            return (null, FormPages.Notice(NoticeKind.DecisionRecorded, language));
        }

        return (new FormSession(token, claims, run.StageInput, status!, participant) { Expired = !verification.IsValid }, null);
    }

    /// <summary>
    /// Whether the strategy has not yet shown the stage and round (and, for an approver, the review) the link was
    /// mailed for. An earlier stage or round, or an ended strategy, is not "behind": that link's round is over.
    /// </summary>
    private static bool IsBehind(OrchestrationMetadata? strategy, LinkClaims claims)
    {
        if (strategy is null || strategy.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            return true;
        }

        if (strategy.RuntimeStatus != OrchestrationRuntimeStatus.Running || StrategyState.Read<StrategyRun>(strategy.SerializedInput) is not { } run)
        {
            return false;
        }

        if (run.Stage != claims.Stage)
        {
            return run.Stage.Number() < claims.Stage.Number(); // the next stage's generation may not be committed yet
        }

        var status = StageConfirmation.Of(strategy, claims.Stage);
        return status is null || status.Round < claims.Round
            || (status.Round == claims.Round && claims.Role == LinkRole.Approver && status.Phase == StagePhase.CollectingInput);
    }

    /// <summary>
    /// The read-only page of a live link whose round is over: where the stage stands now, what the person gave in
    /// that round (their counted answer, or their decision), and once the stage is approved, what was approved.
    /// </summary>
    private static async Task<HtmlResult> ClosedRoundAsync(
        LinkClaims claims, OrchestrationMetadata strategy, StrategyRun run, StageStatus? status, Person participant, FormServices services, CancellationToken cancellationToken)
    {
        var repository = services.Repository;
        var input = run.StageInput with { Plan = run.Definition.Plan(claims.Stage) };
        var outcome = strategy.RuntimeStatus == OrchestrationRuntimeStatus.Completed && run.Stage == claims.Stage
            ? StrategyState.Read<StrategyOutcome>(strategy.SerializedOutput)
            : null;
        var running = strategy.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending;
        var state = true switch
        {
            _ when run.Approved.Contains(claims.Stage) => ClosedRoundState.Approved,
            _ when running && run.Stage == claims.Stage && status?.Round > claims.Round => ClosedRoundState.Reopened,
            _ when running && run.Stage == claims.Stage => ClosedRoundState.Reviewing,
            _ when outcome?.Outcome == DocumentOutcome.Rejected => ClosedRoundState.Rejected,
            _ => ClosedRoundState.Cancelled,
        };
        var header = new FormHeader(input.Strategy.Language, input.Strategy.Organization, input.Strategy.Title, claims.Stage, claims.Round, participant.Name, null);
        var model = new ClosedRoundModel(header, state, input.Context, claims.Role == LinkRole.Approver)
        {
            CurrentRound = status?.Round ?? claims.Round,
            Reason = outcome?.Reason,
        };

        if (claims.Role == LinkRole.Approver)
        {
            var decision = (status?.Decisions ?? [])
                .LastOrDefault(d => d.Round == claims.Round && d.Approver == claims.Participant);
            model = model with
            {
                Decision = decision is null ? null : new ReviewActivity(participant.Name, decision.At, PageText.Of(decision.Decision).In(input.Strategy.Language), decision.Comment),
            };
        }
        else
        {
            var review = await repository.GetReviewAsync(claims.StrategyId, claims.Stage, claims.Round, cancellationToken);
            var answer = review?.Answers.FirstOrDefault(a => a.Contributor == claims.Participant)?.Answer;
            if (review is null && status?.Round == claims.Round && status.Answers.TryGetValue(claims.Participant, out var counted))
            {
                // Past the deadline, a moment before the review is frozen: the answer the stage counted.
                answer = await repository.GetAnswerByHashAsync(claims.StrategyId, claims.Stage, claims.Round, claims.Participant, counted, cancellationToken);
            }

            model = model with { Answer = answer };
        }

        if (state == ClosedRoundState.Approved && await repository.GetArchivedStageAsync(claims.StrategyId, claims.Stage, cancellationToken) is { } approved)
        {
            model = model with
            {
                Approved = approved.Content,
                ApprovedAt = approved.ApprovedAt,
                ApprovedBy = [.. approved.ApprovedBy.Select(email => ApproverName(input, email))],
            };
        }

        return ParticipantPages.ClosedRound(model);
    }

    private static string ApproverName(StageInput input, string email) => input.Plan.Approvers.FirstOrDefault(a => a.Email == email)?.Name ?? email;

    private static StageAnswer EmptyAnswer(StageKey stage) => new()
    {
        Stage = stage,
        Responses = InnerCycle.Get(stage).Questions.Select(_ => "").ToList(),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A form request could not be served; the person was asked to try again.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
