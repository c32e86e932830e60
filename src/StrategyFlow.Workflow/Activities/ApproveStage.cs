using Microsoft.DurableTask;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Activities;

/// <summary>
/// Approves a stage: checks the approved draft once more (the form handler already did; this guards
/// the race), archives the stage snapshot write-once, tells the owner, and returns what later stages
/// may refer to.
/// </summary>
public sealed class ApproveStage(StrategyRepository repository, MailSender mail) : TaskActivity<StageApprovalRequest, StageApprovalResult>
{
    public override async Task<StageApprovalResult> RunAsync(TaskActivityContext context, StageApprovalRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draft = await repository.GetDraftAsync(input.StrategyId, input.Stage, input.Round, input.DraftSha256);
        if (draft is null || draft.Stage != input.Stage)
        {
            return new StageApprovalResult(false, null, null, "the approved draft was not found");
        }

        if (ApprovalGate.Check(draft, input.Context, out _).Count > 0)
        {
            return new StageApprovalResult(false, null, null, "the draft has errors that block approval");
        }

        var snapshot = new ApprovedStage(
            input.Stage, input.Round, draft, input.Contributors, input.DraftSha256, input.ApprovedAt, input.ApprovedBy);
        if (!await repository.ArchiveStageAsync(input.StrategyId, snapshot))
        {
            throw new InconsistentStateException($"Stage {input.Stage} of {input.StrategyId} is already archived with other content.");
        }

        await mail.SendAsync(input.Announcement);
        return new StageApprovalResult(true, input.DraftSha256, input.Context.After(draft), null);
    }
}

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
