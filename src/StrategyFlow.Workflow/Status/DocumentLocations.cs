namespace StrategyFlow.Workflow.Status;

/// <summary>Where the archived strategy is: the download route and the blob, per format.</summary>
public sealed record DocumentLocations(DocumentLocation Json, DocumentLocation Markdown, DocumentLocation Html);
