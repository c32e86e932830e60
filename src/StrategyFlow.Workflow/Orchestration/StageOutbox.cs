using Microsoft.DurableTask;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// The mail one phase of a round sends while the stage goes on listening: batches go out one at a time,
/// in order, each retried durably until it is sent. The stage never waits for them, so an outage of mail
/// never holds up an answer or a decision. When the phase ends, whatever has not gone out is dropped
/// (an invitation or reminder for a closed round would only mislead).
/// </summary>
internal sealed class StageOutbox : IDeliverySignals, IDisposable
{
    private readonly Queue<(string What, MailBatch Batch, Action<MailBatchResult> Sent)> _queue = new();
    private readonly CancellationTokenSource _phase;
    private readonly EventInbox _inbox;
    private readonly Action<DeliveryStatus?> _report;
    private readonly DurableDelivery _delivery;
    private TaskCompletionSource? _retryNow;
    private bool _retrying;

    public StageOutbox(TaskOrchestrationContext context, DeliveryPolicy policy, EventInbox inbox, Action<DeliveryStatus?> report,
        Func<DeliveryStatus, MailBatch> ownerNotice, CancellationToken stage)
    {
        _inbox = inbox;
        _report = report;
        _phase = CancellationTokenSource.CreateLinkedTokenSource(stage);
        _delivery = new DurableDelivery(context, policy, this, Report, ownerNotice, _phase.Token);
    }

    /// <summary>Completes when the current batches are sent (or dropped); a fault here is a bug and must surface.</summary>
    public Task Sending { get; private set; } = Task.CompletedTask;

    Task IDeliverySignals.Cancelled => _inbox.Cancel();

    Task IDeliverySignals.RetryNow => (_retryNow ??= new TaskCompletionSource()).Task;

    void IDeliverySignals.TakeRetry() => _retryNow = null;

    /// <summary>Queues a batch; <paramref name="sent"/> runs once it went out.</summary>
    public void Send(string what, MailBatch batch, Action<MailBatchResult> sent)
    {
        if (batch.Orders.Count == 0 || _phase.IsCancellationRequested)
        {
            return;
        }

        _queue.Enqueue((what, batch, sent));
        if (Sending.IsCompleted)
        {
            Sending = DrainAsync();
        }
    }

    /// <summary>Retries a failing batch now instead of at its next attempt; false when none is waiting to retry.</summary>
    public bool RetryNow()
    {
        if (!_retrying)
        {
            return false;
        }

        (_retryNow ??= new TaskCompletionSource()).TrySetResult();
        return true;
    }

    /// <summary>The phase is over: nothing more goes out, and the status no longer shows this outbox's delays.</summary>
    public void Drop()
    {
        if (_phase.IsCancellationRequested)
        {
            return;
        }

        if (_retrying || _queue.Count > 0 || !Sending.IsCompleted)
        {
            _report(null);
        }

        _queue.Clear();
        _phase.Cancel();
    }

    public void Dispose() => _phase.Dispose();

    private async Task DrainAsync()
    {
        while (!_phase.IsCancellationRequested && _queue.TryDequeue(out var next))
        {
            var (done, result) = await _delivery.CallAsync<MailBatchResult>(next.What, nameof(SendMail), next.Batch);
            if (!done || _phase.IsCancellationRequested)
            {
                return;
            }

            next.Sent(result!);
        }
    }

    private void Report(DeliveryStatus? status)
    {
        if (_phase.IsCancellationRequested)
        {
            return; // dropped: a late result must not overwrite what the stage shows now
        }

        _retrying = status is { FailedAttempts: > 0 };
        _report(status);
    }
}
