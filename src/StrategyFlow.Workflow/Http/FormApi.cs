using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Status;

namespace StrategyFlow.Workflow.Http;

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
