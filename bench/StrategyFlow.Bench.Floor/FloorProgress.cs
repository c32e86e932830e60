using System.Collections.Concurrent;

namespace StrategyFlow.Bench.Floor;

/// <summary>
/// How many events each floor instance has counted, told by the orchestrator in this process. The event
/// endpoint answers once its event was counted, as the product's form post does, but without reading the
/// instance's status from storage: the floor pays only for the pattern itself.
/// </summary>
public sealed class FloorProgress
{
    private readonly ConcurrentDictionary<string, Instance> _instances = new(StringComparer.Ordinal);

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

    private Instance Of(string instanceId) => _instances.GetOrAdd(instanceId, _ => new Instance());

    private sealed class Instance
    {
        private readonly Lock _gate = new();
        private int _events = -1;
        private bool _done;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (int Events, bool Done, Task Changed) Read()
        {
            lock (_gate)
            {
                return (_events, _done, _changed.Task);
            }
        }

        public void Set(int counted, bool ended)
        {
            TaskCompletionSource signal;
            lock (_gate)
            {
                _events = Math.Max(_events, counted);
                _done |= ended;
                signal = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            signal.TrySetResult();
        }
    }
}
