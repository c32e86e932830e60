using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using StrategyFlow.LocalHost.DurableRuntime;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Retention;

namespace StrategyFlow.LocalHost.Hosting;

/// <summary>The local host's schedule for <see cref="HistoryRetention"/>: once the runtime is ready, then every <c>CheckEvery</c>.</summary>
public sealed partial class HistoryRetentionService(
    HistoryRetention retention,
    DurableTaskClient client,
    DurableReadiness readiness,
    IOptions<StrategyFlowOptions> options,
    ILogger<HistoryRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WhenReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Retention.CheckEvery);
        do
        {
            try
            {
                await retention.PurgeEndedAsync(client, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e); // storage hiccup: the next check tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging ended strategies' history failed; the next check tries again")]
    static partial void LogFailed(ILogger logger, Exception exception);
}
