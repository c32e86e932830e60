using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using StrategyFlow.Workflow.Retention;

namespace StrategyFlow.Functions;

/// <summary>The hourly purge of ended strategies' durable history (<see cref="HistoryRetention"/>).</summary>
public sealed class RetentionFunctions(HistoryRetention retention)
{
    [Function("PurgeEndedHistory")]
    public Task PurgeEndedHistory(
        [TimerTrigger("0 17 * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        retention.PurgeEndedAsync(client, cancellationToken);
}
