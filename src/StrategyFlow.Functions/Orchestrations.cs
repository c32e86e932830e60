using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Functions;

/// <summary>The class-based orchestrators, under the names the client and the parent orchestrator call.</summary>
public static class Orchestrations
{
    [Function(nameof(StrategyOrchestrator))]
    public static Task<StrategyOutcome> RunStrategy([OrchestrationTrigger] TaskOrchestrationContext context, StrategyDefinition input) =>
        new StrategyOrchestrator().RunAsync(context, input);

    [Function(nameof(StageOrchestrator))]
    public static Task<StageResult> RunStage([OrchestrationTrigger] TaskOrchestrationContext context, StageInput input) =>
        new StageOrchestrator().RunAsync(context, input);
}
