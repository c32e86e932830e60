namespace StrategyFlow.Workflow.Pages;

/// <summary>One thing an approver did this round, as the review page lists it.</summary>
public sealed record ReviewActivity(string Who, DateTimeOffset At, string What, string? Comment);
