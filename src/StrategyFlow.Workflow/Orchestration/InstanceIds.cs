using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>Instance ids: the strategy id for the strategy, and a fixed child id per stage.</summary>
public static class InstanceIds
{
    public static string Stage(string strategyId, StageKey stage) => $"{strategyId}:{stage.Number()}";

    public static bool IsStage(string instanceId) => instanceId.Contains(':', StringComparison.Ordinal);
}
