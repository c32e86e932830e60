namespace StrategyFlow.Workflow.Pages;

/// <summary>A choice offered by a select or a checkbox group.</summary>
internal sealed record Choice(string Value, string Label);
