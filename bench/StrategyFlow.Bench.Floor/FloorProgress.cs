using System.Collections.Concurrent;

namespace StrategyFlow.Bench.Floor;

/// <summary>
/// How many events each floor instance has counted, told by the orchestrator in this process. The event
/// endpoint answers once its event was counted, as the product's form post does, but without reading the
/// instance's status from storage: the floor pays only for the pattern itself.
/// </summary>
public sealed class FloorProgress
{
    readonly ConcurrentDictionary<string, Instance> instances = new(StringComparer.Ordinal);

    /// <summary>Events the instance counted so far; -1 until it has started.</summary>
    public int Events(string instanceId) => Of(instanceId).Read().Events;

    public void Counted(string instanceId, int events, bool done) => Of(instanceId).Set(events, done);

    /// <summary>Once the instance counted more than <paramref name="events"/>: how many, and whether it ended; null after <paramref name="patience"/>.</summary>
    public async Task<(int Events, bool Done)?> AfterAsync(string instanceId, int events, TimeSpan patience, CancellationToken cancellationToken)
    {
        var instance = Of(instanceId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(patience);
        while (true)
        {
            var (counted, done, changed) = instance.Read();
            if (counted > events || done)
            {
                return (counted, done);
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    Instance Of(string instanceId) => instances.GetOrAdd(instanceId, _ => new Instance());

    sealed class Instance
    {
        readonly Lock gate = new();
        int events = -1;
        bool done;
        TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (int Events, bool Done, Task Changed) Read()
        {
            lock (gate)
            {
                return (events, done, changed.Task);
            }
        }

        public void Set(int counted, bool ended)
        {
            TaskCompletionSource signal;
            lock (gate)
            {
                events = Math.Max(events, counted);
                done |= ended;
                signal = changed;
                changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            signal.TrySetResult();
        }
    }
}
