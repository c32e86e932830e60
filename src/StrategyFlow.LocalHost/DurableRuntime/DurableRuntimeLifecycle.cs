using System.Diagnostics;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// Creates the task hub at start, and on shutdown stops the worker and then the storage service from
/// <c>ApplicationStopping</c>, before Kestrel begins to drain. Otherwise Kestrel waits 30 s on the
/// worker's open stream and the partition leases are never released (docs/architecture.md, "The local runtime").
/// </summary>
public sealed partial class DurableRuntimeLifecycle(
    IOrchestrationService service,
    TaskHubGrpcServer sidecar,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IOptions<DurableRuntimeOptions> options,
    ILogger<DurableRuntimeLifecycle> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.StartupTimeout);
        try
        {
            await service.CreateIfNotExistsAsync().WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"The durable backend did not answer within {options.Value.StartupTimeout.TotalSeconds:0} s. Is Azurite running (scripts/run.sh starts it)?");
        }
        LogTaskHubReady(logger, options.Value.TaskHubName, started.ElapsedMilliseconds);

        // The sidecar registered its own ApplicationStopping callback when it was constructed (it is
        // injected above). Callbacks run last-registered-first, so this one runs before it, and the
        // storage service is stopped once, in order, instead of twice at the same time.
        GC.KeepAlive(sidecar);
        lifetime.ApplicationStopping.Register(StopRuntime);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void StopRuntime()
    {
        var stopping = Stopwatch.StartNew();
        try
        {
            StopRuntimeAsync().WaitAsync(options.Value.ShutdownTimeout).GetAwaiter().GetResult();
            LogStopped(logger, stopping.ElapsedMilliseconds);
        }
        catch (TimeoutException)
        {
            LogStopTimedOut(logger, options.Value.ShutdownTimeout.TotalSeconds);
        }
    }

    private async Task StopRuntimeAsync()
    {
        using var deadline = new CancellationTokenSource(options.Value.ShutdownTimeout);
        foreach (var worker in services.GetServices<IHostedService>().OfType<DurableTaskWorker>())
        {
            await worker.StopAsync(deadline.Token);
        }
        await service.StopAsync(isForced: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task hub {TaskHub} ready in {ElapsedMs} ms")]
    static partial void LogTaskHubReady(ILogger logger, string taskHub, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable runtime stopped in {ElapsedMs} ms; partition leases released")]
    static partial void LogStopped(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable runtime did not stop within {Seconds} s; leases expire by themselves")]
    static partial void LogStopTimedOut(ILogger logger, double seconds);
}
