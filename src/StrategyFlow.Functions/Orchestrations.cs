using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using StrategyFlow.Workflow.Orchestration;

namespace StrategyFlow.Functions;

/// <summary>The class-based orchestrator, under the name the client calls.</summary>
public static class Orchestrations
{
    [Function(nameof(StrategyOrchestrator))]
    public static Task<StrategyOutcome?> RunStrategy([OrchestrationTrigger] TaskOrchestrationContext context, StrategyRun input) =>
        new StrategyOrchestrator().RunAsync(context, input);
}
