namespace StrategyFlow.Workflow.Status;

/// <summary>Statuses of docs/design.md §6.</summary>
public static class StrategyStatuses
{
    public const string Running = nameof(Running);
    public const string Completed = nameof(Completed);
    public const string Rejected = nameof(Rejected);
    public const string Cancelled = nameof(Cancelled);
    public const string Failed = nameof(Failed);

    public static IReadOnlyList<string> All { get; } = [Running, Completed, Rejected, Cancelled, Failed];
}
