using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Functions;

/// <summary>The class-based activities, under the names the orchestrators call, built with the worker's services.</summary>
public static class Activities
{
    [Function(nameof(SendMail))]
    public static Task<MailBatchResult> RunSendMail([ActivityTrigger] MailBatch input, FunctionContext function) =>
        Run(Create<SendMail>(function), input, function);

    [Function(nameof(PrepareReview))]
    public static Task<ReviewSummary> RunPrepareReview([ActivityTrigger] ReviewRequest input, FunctionContext function) =>
        Run(Create<PrepareReview>(function), input, function);

    [Function(nameof(ApproveStage))]
    public static Task<StageApprovalResult> RunApproveStage([ActivityTrigger] StageApprovalRequest input, FunctionContext function) =>
        Run(Create<ApproveStage>(function), input, function);

    [Function(nameof(ArchiveStrategy))]
    public static Task<ArchiveResult> RunArchiveStrategy([ActivityTrigger] ArchiveRequest input, FunctionContext function) =>
        Run(Create<ArchiveStrategy>(function), input, function);

    private static TActivity Create<TActivity>(FunctionContext function)
        where TActivity : ITaskActivity =>
        ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices);

    private static Task<TOutput> Run<TInput, TOutput>(TaskActivity<TInput, TOutput> activity, TInput input, FunctionContext function) =>
        activity.RunAsync(new FunctionActivityContext(function), input);

    /// <summary>What an activity may ask about its run: its name and the orchestration instance that called it.</summary>
    private sealed class FunctionActivityContext(FunctionContext function) : TaskActivityContext
    {
        public override TaskName Name { get; } = function.FunctionDefinition.Name;

        public override string InstanceId { get; } =
            function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id as string ?? "" : "";
    }
}
