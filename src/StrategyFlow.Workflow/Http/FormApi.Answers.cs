using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;


namespace StrategyFlow.Workflow.Http;

/// <summary>Stakeholders: the form, an answer posted, and its receipt.</summary>
public static partial class FormApi
{
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
        var settled = await StageConfirmation.AwaitAsync(client, claims.StrategyId, stage, services.Time, services.FirstConfirmationRead, status =>
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
}
