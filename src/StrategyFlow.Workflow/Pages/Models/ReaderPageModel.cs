using StrategyFlow.Workflow.Status;

namespace StrategyFlow.Workflow.Pages;

/// <summary>The reader page: the strategy as approved so far; <paramref name="Self"/> is the link's own relative address (its documents hang below it).</summary>
public sealed record ReaderPageModel(StrategyRecord Record, string PersonName, string Self);
