using System.Collections.Concurrent;
using DurableTask.Core;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// Keeps the queue message of every running activity hidden by renewing its lock, as DTFx's own
/// activity dispatcher does (the Functions host on Azure) and the gRPC sidecar's does not. With
/// renewal, the work-item visibility timeout can be short: an activity that was running when the host
/// was killed is visible again within that timeout, not after the longest activity a timeout must
/// otherwise outlast, and a long activity is never handed out twice while it runs.
/// </summary>
internal sealed partial class ActivityLockRenewingOrchestrationService(
    IOrchestrationService inner, TimeSpan renewEvery, ILogger<ActivityLockRenewingOrchestrationService> logger)
    : OrchestrationServiceDecorator(inner)
{
    private readonly ConcurrentDictionary<string, LockRenewal> _renewals = new(StringComparer.Ordinal);

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await base.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            _renewals[workItem.Id] = new LockRenewal(Inner, workItem, renewEvery, logger);
        }
        return workItem!;
    }

    // Renewal stops before the message is deleted or released, so no renewal races the final update.
    public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await StopRenewingAsync(workItem);
        await base.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await StopRenewingAsync(workItem);
        await base.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public override async Task StopAsync(bool isForced)
    {
        await Task.WhenAll(_renewals.Keys.Select(id => _renewals.TryRemove(id, out var renewal) ? renewal.StopAsync() : Task.CompletedTask));
        await base.StopAsync(isForced);
    }

    public override Task StopAsync() => StopAsync(isForced: false);

    private Task StopRenewingAsync(TaskActivityWorkItem workItem) =>
        workItem is not null && _renewals.TryRemove(workItem.Id, out var renewal) ? renewal.StopAsync() : Task.CompletedTask;

    /// <summary>Renews one work item's lock at a fixed interval until stopped.</summary>
    private sealed class LockRenewal
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public LockRenewal(IOrchestrationService backend, TaskActivityWorkItem workItem, TimeSpan every, ILogger logger) =>
            _loop = RenewAsync(backend, workItem, every, logger, _stop.Token);

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }

        private static async Task RenewAsync(IOrchestrationService backend, TaskActivityWorkItem workItem, TimeSpan every, ILogger logger, CancellationToken stopping)
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(stopping))
                {
                    try
                    {
                        workItem = await backend.RenewTaskActivityWorkItemLockAsync(workItem);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A storage hiccup: the next tick tries again, and the lock lasts three ticks.
                        LogRenewalFailed(logger, e, workItem.Id);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock of activity work item {WorkItemId}")]
    static partial void LogRenewalFailed(ILogger logger, Exception exception, string workItemId);
}
