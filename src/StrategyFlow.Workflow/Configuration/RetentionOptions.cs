using System.ComponentModel.DataAnnotations;

namespace StrategyFlow.Workflow.Configuration;

/// <summary><c>StrategyFlow:Retention</c>: how long the durable history of an ended strategy is kept (the archive is kept for good).</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Time after a strategy ended before its history and status are purged; zero keeps them for ever. The read-only
    /// links (the strategy to read, the owner's progress) read that history, so it is at least their lifetime.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan KeepEndedFor { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the local host looks for history to purge (on Azure a timer function runs hourly).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
