using Microsoft.DurableTask;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// The external events an orchestration listens for, with exactly one pending
/// <c>WaitForExternalEvent</c> per event at a time, kept across timer wake-ups and phases and renewed
/// only after it completed: an event that arrives just as a timer fires is delivered to that waiter,
/// never to an abandoned one (a known Durable Functions pitfall with re-created waiters). Events that
/// arrive while nobody waits are buffered by the runtime and delivered to the next waiter.
/// </summary>
internal sealed class EventInbox(TaskOrchestrationContext context) : IDeliverySignals
{
    private Task<AnswerSubmitted>? _answer;
    private Task<DecisionSubmitted>? _decision;
    private Task<RemindersRequested>? _reminders;
    private Task<CancelRequested>? _cancel;

    public Task<AnswerSubmitted> Answer() =>
        _answer ??= context.WaitForExternalEvent<AnswerSubmitted>(WorkflowEvents.AnswerSubmitted);

    public Task<DecisionSubmitted> Decision() =>
        _decision ??= context.WaitForExternalEvent<DecisionSubmitted>(WorkflowEvents.DecisionSubmitted);

    /// <summary>Ops asked to remind everyone pending, or to retry a delayed delivery now.</summary>
    public Task<RemindersRequested> Reminders() =>
        _reminders ??= context.WaitForExternalEvent<RemindersRequested>(WorkflowEvents.RemindersRequested);

    /// <summary>Cancellation is final: the waiter is never renewed, and its reason stays readable.</summary>
    public Task<CancelRequested> Cancel() =>
        _cancel ??= context.WaitForExternalEvent<CancelRequested>(WorkflowEvents.CancelRequested);

    public bool Cancelled => _cancel is { IsCompletedSuccessfully: true };

    public string? CancelReason => Cancelled ? _cancel!.Result.Reason : null;

    Task IDeliverySignals.Cancelled => Cancel();

    Task IDeliverySignals.RetryNow => Reminders();

    void IDeliverySignals.TakeRetry() => TakeReminders();

    public AnswerSubmitted TakeAnswer() => Take(ref _answer);

    public DecisionSubmitted TakeDecision() => Take(ref _decision);

    public RemindersRequested TakeReminders() => Take(ref _reminders);

    /// <summary>Reads a completed waiter and clears it, so the next wait creates a fresh one.</summary>
    private static T Take<T>(ref Task<T>? waiter)
    {
        var value = waiter!.Result;
        waiter = null;
        return value;
    }
}
