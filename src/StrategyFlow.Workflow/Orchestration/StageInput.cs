using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>One stage's orchestration input: who takes part, the timing, what earlier stages approved.</summary>
public sealed record StageInput(StrategyHeader Strategy, StagePlan Plan, Timing Timing, StrategyContext Context)
{
    public StageKey Stage => Plan.Stage;

    public DeliveryPolicy Delivery { get; init; } = DeliveryPolicy.Default;
}
