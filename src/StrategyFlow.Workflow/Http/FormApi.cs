using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Http;

/// <summary>What the form handlers need besides the durable client (one DI service for both hosts).</summary>
public sealed class FormServices(LinkTokens tokens, StrategyRepository repository, TimeProvider time, ILogger<FormServices> logger)
{
    public LinkTokens Tokens => tokens;

    public StrategyRepository Repository => repository;

    public TimeProvider Time => time;

    public ILogger Logger => logger;
}

/// <summary>
/// <c>GET|POST /api/forms/{token}</c>: the stakeholder form and the approver's review page. The token
/// is the credential. GET never changes anything (mail scanners open links). POST checks the live
/// state of the round, stores the content, raises the event, and only then confirms: an answer that
/// was acknowledged is never lost.
/// </summary>
public static partial class FormApi
{
    public const int MaxFormBytes = 256 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        BufferBody = false,
        MultipartBodyLengthLimit = MaxFormBytes,
        ValueCountLimit = 4_000,
        KeyLengthLimit = 200,
        ValueLengthLimit = Limits.LongText * 4, // characters may take up to 4 bytes once encoded
    };

    public static async Task<IResult> GetAsync(string token, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            var (session, closed) = await OpenAsync(token, client, services, cancellationToken);
            if (session is null)
            {
                return closed!;
            }

            return session.Claims.Role == LinkRole.Stakeholder
                ? await StakeholderFormAsync(session, services, null, [], 1, cancellationToken)
                : await ReviewPageAsync(session, services, null, [], null, "", 1, cancellationToken);
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
            var (session, closed) = await OpenAsync(token, client, services, cancellationToken);
            if (session is null)
            {
                return closed!;
            }

            var form = await ReadFormAsync(request, session.Language, cancellationToken);
            if (form.Page is not null)
            {
                return form.Page;
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
            return await StakeholderFormAsync(session, services, answer, [], FormReader.ReadBlankRows(form) + 1, cancellationToken);
        }

        if (action.Kind != FormActionKind.Submit)
        {
            return FormPages.Notice(NoticeKind.BadRequest, session.Language);
        }

        var errors = AnswerValidator.Validate(answer, session.Input.Context);
        if (errors.Count > 0)
        {
            return await StakeholderFormAsync(session, services, answer, errors, FormReader.ReadBlankRows(form), cancellationToken);
        }

        var claims = session.Claims;
        var sha = await services.Repository.SaveAnswerAsync(claims.StrategyId, stage, claims.Round, claims.Participant, answer, cancellationToken);
        await client.RaiseEventAsync(
            session.InstanceId,
            WorkflowEvents.AnswerSubmitted,
            new AnswerSubmitted(claims.Round, claims.Participant, sha, services.Time.GetUtcNow()),
            cancellationToken);
        return FormPages.Notice(NoticeKind.AnswerReceived, session.Language);
    }

    private static async Task<IResult> StakeholderFormAsync(
        FormSession session, FormServices services, StageAnswer? answer, IReadOnlyList<FieldError> errors, int blankRows, CancellationToken cancellationToken)
    {
        answer ??= await LatestAnswerAsync(session, services, cancellationToken) ?? EmptyAnswer(session.Claims.Stage);
        return FormPages.StakeholderForm(new StakeholderFormModel(
            session.Header, answer, session.Input.Context, session.Status.SendBackComment, errors, blankRows));
    }

    /// <summary>
    /// What to prefill: the participant's latest answer of this round, or of the round before a send-back.
    /// A first visit in round 1 has nothing to show, and costs no storage call.
    /// </summary>
    private static Task<StageAnswer?> LatestAnswerAsync(FormSession session, FormServices services, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        var answered = session.Status.Answered.Contains(claims.Participant, StringComparer.OrdinalIgnoreCase);
        return !answered && claims.Round == 1
            ? Task.FromResult<StageAnswer?>(null)
            : services.Repository.GetLatestAnswerAsync(claims.StrategyId, claims.Stage, claims.Round, claims.Participant, answered, cancellationToken);
    }

    // ---- Approvers ------------------------------------------------------------------------

    private static async Task<IResult> SubmitDecisionAsync(FormSession session, IFormCollection form, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        var draft = FormReader.ReadAnswer(claims.Stage, form);
        var comment = FormReader.ReadComment(form);
        var action = FormReader.ReadAction(form);
        var decision = action.Kind switch
        {
            FormActionKind.Approve => DecisionKind.Approved,
            FormActionKind.RequestChanges => DecisionKind.ChangesRequested,
            FormActionKind.Reject => DecisionKind.Rejected,
            _ => (DecisionKind?)null,
        };
        if (action.Kind == FormActionKind.AddRow)
        {
            return await ReviewPageAsync(session, services, draft, [], null, comment, FormReader.ReadBlankRows(form) + 1, cancellationToken);
        }

        if (decision is null)
        {
            return FormPages.Notice(NoticeKind.BadRequest, session.Language);
        }

        var errors = new List<FieldError>();
        IReadOnlyList<Finding>? findings = null;
        if (comment.Length > Limits.Comment)
        {
            errors.Add(new FieldError("comment", "tooLong", new LocalizedText(
                $"Kommentti voi olla enintään {Limits.Comment} merkkiä.", $"The comment may be at most {Limits.Comment} characters.")));
        }

        if (decision == DecisionKind.ChangesRequested && comment.Length == 0)
        {
            errors.Add(new FieldError("comment", "required", new LocalizedText(
                "Kerro sidosryhmille, mitä pitää muuttaa.", "Tell the stakeholders what to change.")));
        }

        if (decision == DecisionKind.Approved)
        {
            errors.AddRange(AnswerValidator.Validate(draft, session.Input.Context));
            findings = CoherenceChecker.Check(draft, session.Input.Context);
            if (findings.HasErrors())
            {
                errors.Add(new FieldError("draft", "coherence", new LocalizedText(
                    "Luonnoksessa on virheitä, jotka estävät hyväksynnän: korjaa ne tai palauta vaihe.",
                    "The draft has errors that block approval: fix them or send the stage back.")));
            }
        }

        if (errors.Count > 0)
        {
            return await ReviewPageAsync(session, services, draft, errors, findings, comment, FormReader.ReadBlankRows(form), cancellationToken);
        }

        var sha = await services.Repository.SaveDraftAsync(claims.StrategyId, claims.Stage, claims.Round, claims.Participant, draft, cancellationToken);
        await client.RaiseEventAsync(
            session.InstanceId,
            WorkflowEvents.DecisionSubmitted,
            new DecisionSubmitted(claims.Round, claims.Participant, decision.Value, comment, sha, services.Time.GetUtcNow()),
            cancellationToken);
        return FormPages.Notice(NoticeKind.DecisionRecorded, session.Language);
    }

    private static async Task<IResult> ReviewPageAsync(
        FormSession session,
        FormServices services,
        StageAnswer? draft,
        IReadOnlyList<FieldError> errors,
        IReadOnlyList<Finding>? findings,
        string comment,
        int blankRows,
        CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        var review = await services.Repository.GetReviewAsync(claims.StrategyId, claims.Stage, claims.Round, cancellationToken);
        if (review is null)
        {
            // The round closed a moment ago and the review is still being prepared.
            return FormPages.Notice(NoticeKind.Unavailable, session.Language);
        }

        var stakeholders = session.Input.Plan.Stakeholders;
        var notAnswered = review.NotAnswered
            .Select(email => stakeholders.FirstOrDefault(s => s.Email == email) is { } person ? $"{person.Name} <{person.Email}>" : email)
            .ToList();
        draft ??= review.Consolidated.Draft;
        findings ??= draft == review.Consolidated.Draft ? review.Findings : CoherenceChecker.Check(draft, session.Input.Context, review.Consolidated.Conflicts);
        return FormPages.ReviewPage(new ReviewPageModel(
            session.Header, review.Answers, notAnswered, review.Consolidated, draft, findings, session.Input.Context, errors, comment, blankRows));
    }

    // ---- Shared ---------------------------------------------------------------------------

    private sealed record FormSession(LinkClaims Claims, string InstanceId, StageInput Input, StageStatus Status, Person Participant)
    {
        public Language Language => Input.Strategy.Language;

        public FormHeader Header => new(
            Language, Input.Strategy.Organization, Input.Strategy.Title, Claims.Stage, Claims.Round, Participant.Name, Status.Deadline);
    }

    /// <summary>Verifies the link and the live state of its round: a session, or the page to show instead.</summary>
    private static async Task<(FormSession? Session, IResult? Page)> OpenAsync(string token, DurableTaskClient client, FormServices services, CancellationToken cancellationToken)
    {
        var verification = services.Tokens.Verify(token);
        if (!verification.IsValid)
        {
            return (null, FormPages.Notice(NoticeKind.LinkInvalid));
        }

        var claims = verification.Claims!;
        var instanceId = InstanceIds.Stage(claims.StrategyId, claims.Stage);
        var stage = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        var input = StrategyState.Read<StageInput>(stage?.SerializedInput);
        var people = claims.Role == LinkRole.Stakeholder ? input?.Plan.Stakeholders : input?.Plan.Approvers;
        var participant = people?.FirstOrDefault(p => p.Email == claims.Participant);
        if (stage is null || input is null || participant is null)
        {
            return (null, FormPages.Notice(NoticeKind.LinkInvalid));
        }

        var language = input.Strategy.Language;
        var status = StrategyState.Read<StageStatus>(stage.SerializedCustomStatus);
        var phase = claims.Role == LinkRole.Stakeholder ? StagePhase.CollectingInput : StagePhase.AwaitingApproval;
        var open = stage.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
            && status is not null && status.Round == claims.Round && status.Phase == phase;
        if (!open)
        {
            return (null, FormPages.Notice(NoticeKind.RoundClosed, language));
        }

        if (claims.Role == LinkRole.Approver && status!.Answered.Contains(participant.Email))
        {
            return (null, FormPages.Notice(NoticeKind.DecisionRecorded, language));
        }

        return (new FormSession(claims, instanceId, input, status!, participant), null);
    }

    private static async Task<(IFormCollection? Values, IResult? Page)> ReadFormAsync(HttpRequest request, Language language, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFormBytes)
        {
            return (null, FormPages.Notice(NoticeKind.TooLarge, language));
        }

        if (!request.HasFormContentType)
        {
            return (null, FormPages.Notice(NoticeKind.BadRequest, language));
        }

        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, FormLimits));
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, FormPages.Notice(e is BadHttpRequestException { StatusCode: 413 } ? NoticeKind.TooLarge : NoticeKind.BadRequest, language));
        }
    }

    private static StageAnswer EmptyAnswer(StageKey stage) => new()
    {
        Stage = stage,
        Responses = InnerCycle.Get(stage).Questions.Select(_ => "").ToList(),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "A form request could not be served; the person was asked to try again.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
