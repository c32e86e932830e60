using Microsoft.DurableTask;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// One stage, in rounds: invite stakeholders, collect answers (reminders, deadline), then review by
/// the approvers (reminders, escalation to the owner, never auto-approval) until the stage is
/// approved, sent back (a new round) or rejected, or the strategy is cancelled. The rules of a round
/// live in <see cref="StageRound"/>; this class only waits, times and calls activities. Each run is a
/// <see cref="StageRun"/>, whose two phases of a round are in <c>StageRun.Collecting.cs</c> and <c>StageRun.Reviewing.cs</c>.
/// </summary>
public sealed class StageOrchestrator : TaskOrchestrator<StageInput, StageResult>
{
    public override Task<StageResult> RunAsync(TaskOrchestrationContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return RunStageAsync(context, input);
    }

    private static async Task<StageResult> RunStageAsync(TaskOrchestrationContext context, StageInput input)
    {
        using var stage = new StageRun(context, input);
        return await stage.RunAsync();
    }
}
