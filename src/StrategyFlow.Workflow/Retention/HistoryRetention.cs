using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategyFlow.Workflow.Configuration;

namespace StrategyFlow.Workflow.Retention;

/// <summary>
/// Purges the durable history and instance rows of strategies that ended more than
/// <see cref="RetentionOptions.KeepEndedFor"/> ago. The archive is the record: it
/// stays, and so does the start claim that keeps the id from being used again. Without purging, the task
/// hub's tables grow with every strategy, and so does the cost of every query against them.
/// Both hosts run it on a schedule: a timer function on Azure, a background service locally.
/// </summary>
public sealed partial class HistoryRetention(IOptions<StrategyFlowOptions> options, TimeProvider time, ILogger<HistoryRetention> logger)
{
    private const int PageSize = 100;

    private static readonly OrchestrationRuntimeStatus[] Ended =
    [
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>Purges every instance that ended before the retention period; the number purged.</summary>
    public async Task<int> PurgeEndedAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var keep = options.Value.Retention.KeepEndedFor;
        if (keep <= TimeSpan.Zero)
        {
            return 0; // kept for ever
        }

        // An instance that ended before the cut-off was created before it too; its last update is when it ended.
        var cutOff = time.GetUtcNow() - keep;
        var query = new OrchestrationQuery { CreatedTo = cutOff, Statuses = Ended, PageSize = PageSize };
        var ended = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.LastUpdatedAt <= cutOff)
            {
                ended.Add(instance.InstanceId);
            }
        }

        var purged = 0;
        foreach (var id in ended)
        {
            purged += (await client.PurgeInstanceAsync(id, cancellation: cancellationToken)).PurgedInstanceCount;
        }

        if (purged > 0)
        {
            LogPurged(logger, purged, keep.TotalDays);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the durable history of {Count} instances that ended more than {Days} days ago.")]
    private static partial void LogPurged(ILogger logger, int count, double days);
}
