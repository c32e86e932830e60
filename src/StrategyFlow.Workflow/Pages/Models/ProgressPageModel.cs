using StrategyFlow.Workflow.Status;

namespace StrategyFlow.Workflow.Pages;

/// <summary>The owner's progress page; <paramref name="ReaderHref"/> opens the approved stages (a reader link of the owner's own).</summary>
public sealed record ProgressPageModel(StrategyRecord Record, string PersonName, string ReaderHref, DateTimeOffset Now);
