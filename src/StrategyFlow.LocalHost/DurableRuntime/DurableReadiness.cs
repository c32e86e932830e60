using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// Ready once a Durable Task client call has gone through the sidecar to storage and back. Until then
/// <c>/api/*</c> answers 503 with Retry-After, so "healthy" means "can start and query strategies".
/// </summary>
public sealed partial class DurableReadiness(
    DurableTaskClient client,
    IHostApplicationLifetime lifetime,
    IOptions<DurableRuntimeOptions> options,
    ILogger<DurableReadiness> logger) : BackgroundService
{
    private const string ProbeInstanceId = "strategyflow-readiness-probe";

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Completes once the durable runtime has answered.</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The sidecar is served by Kestrel, which listens only once the application has started.
        await WhenStarted(stoppingToken);
        var waiting = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(50);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, stoppingToken);
                _ready.TrySetResult();
                LogReady(logger, waiting.ElapsedMilliseconds);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && waiting.Elapsed < options.Value.StartupTimeout)
            {
                LogNotYet(logger, e.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable runtime ready {ElapsedMs} ms after the server started")]
    static partial void LogReady(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Durable runtime not ready yet: {Reason}")]
    static partial void LogNotYet(ILogger logger, string reason);
}
