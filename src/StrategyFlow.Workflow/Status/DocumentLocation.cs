namespace StrategyFlow.Workflow.Status;

public sealed record DocumentLocation(string Href, string Blob);
