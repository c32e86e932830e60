using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// The strategy orchestration's input: the definition, the stage that runs now, and what the stages
/// before it left behind. Each stage runs in its own generation of the one strategy instance
/// (<c>ContinueAsNew</c> carries this record on), so a generation's history holds one stage and its
/// input is all the form handler needs to serve that stage.
/// </summary>
public sealed record StrategyRun(StrategyDefinition Definition)
{
    /// <summary>The stage this generation runs.</summary>
    public StageKey Stage { get; init; } = StageKeys.InOrder[0];

    /// <summary>What the stages so far approved, by name: what this stage's content may refer to.</summary>
    public StrategyContext Context { get; init; } = new() { BusinessGoals = Definition.Header.BusinessGoals };

    public IReadOnlyList<StageKey> Approved { get; init; } = [];

    /// <summary>Every decision of the stages before this one, whole (the archive keeps them).</summary>
    public IReadOnlyList<DecisionRecord> Decisions { get; init; } = [];

    public int IgnoredEvents { get; init; }

    public IReadOnlyList<string> Undeliverable { get; init; } = [];

    public string Id => Definition.Id;

    /// <summary>What the stage that runs now works with.</summary>
    public StageInput StageInput => new(Definition.Header, Definition.Plan(Stage), Definition.Timing, Context) { Delivery = Definition.Delivery };

    public bool IsLastStage => Stage.Number() == StageKeys.InOrder.Count;

    /// <summary>This run with the stage's result recorded; on approval, the next stage's context too.</summary>
    public StrategyRun After(StageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var approved = result.Outcome == StageOutcome.Approved;
        return this with
        {
            Context = approved ? result.Approved!.NextContext! : Context,
            Approved = approved ? [.. Approved, Stage] : Approved,
            Decisions = [.. Decisions, .. result.Decisions],
            IgnoredEvents = IgnoredEvents + result.IgnoredEvents,
            Undeliverable = [.. Undeliverable, .. result.Undeliverable.Except(Undeliverable, StringComparer.OrdinalIgnoreCase)],
        };
    }

    /// <summary>The next stage's run, once this stage is approved.</summary>
    public StrategyRun Next() => this with { Stage = StageKeys.InOrder[Stage.Number()] };
}
