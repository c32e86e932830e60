using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace StrategyFlow.Workflow.Tests.Fakes;

/// <summary>
/// The real client with a say in between: starts can be refused (a backend outage), instances can be
/// shown as a given moment of their life, and raised events are recorded. Everything else passes through.
/// </summary>
public sealed class InterceptingClient(DurableTaskClient inner) : DurableTaskClient(inner.Name)
{
    public bool RefuseStarts { get; init; }

    /// <summary>Instances by id as this client shows them; ids not listed come from the real client.</summary>
    public IReadOnlyDictionary<string, OrchestrationMetadata?> Shown { get; init; } = new Dictionary<string, OrchestrationMetadata?>();

    public ConcurrentQueue<(string InstanceId, string EventName)> RaisedEvents { get; } = new();

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        RefuseStarts
            ? Task.FromException<string>(new InvalidOperationException("The backend is unavailable."))
            : inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        RaisedEvents.Enqueue((instanceId, eventName));
        return inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Shown.TryGetValue(instanceId, out var shown) ? Task.FromResult(shown) : inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        inner.GetAllInstancesAsync(filter);

    /// <summary>The real client belongs to its host.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
