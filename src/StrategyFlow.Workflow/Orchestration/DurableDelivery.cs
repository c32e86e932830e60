using Microsoft.DurableTask;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>Something the workflow is waiting to get done (mail, a stage snapshot, the archive), and why it is late.</summary>
/// <param name="What">What is waiting, in plain words (e.g. "invitations", "archive").</param>
/// <param name="Since">When the first attempt started.</param>
/// <param name="FailedAttempts">0 while the first attempt runs.</param>
/// <param name="LastError">The last failure's message, safe to show ops.</param>
/// <param name="NextAttempt">When it is tried again.</param>
public sealed record DeliveryStatus(string What, DateTimeOffset Since, int FailedAttempts, string? LastError, DateTimeOffset? NextAttempt);

/// <summary>What a delivery listens to besides its own timers: the strategy's cancellation, and a request to retry now.</summary>
internal interface IDeliverySignals
{
    /// <summary>Completes when the strategy is cancelled; never reset.</summary>
    public Task Cancelled { get; }

    /// <summary>Completes when ops ask to retry now; <see cref="TakeRetry"/> consumes it.</summary>
    public Task RetryNow { get; }

    public void TakeRetry();
}

/// <summary>
/// Runs an activity until it succeeds: an outage of SendGrid or Blob Storage delays a strategy, never
/// ends it. Between attempts a durable timer waits (back-off capped by the policy), so the loop
/// survives restarts; ops see the delay in the status, may cut the wait short (<see cref="IDeliverySignals.RetryNow"/>),
/// and the owner is told once when it has lasted <see cref="DeliveryPolicy.TellOwnerAfter"/>.
/// Activities are idempotent, so every retry is safe. A cancellation interrupts the wait, and so does
/// <paramref name="timers"/> (the caller no longer needs the result).
/// </summary>
internal sealed class DurableDelivery(
    TaskOrchestrationContext context,
    DeliveryPolicy policy,
    IDeliverySignals signals,
    Action<DeliveryStatus?> report,
    Func<DeliveryStatus, MailBatch>? ownerNotice,
    CancellationToken timers)
{
    private const int ErrorLength = 300;
    private bool _ownerTold;

    private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>The activity's result, or <c>Done: false</c> when the strategy was cancelled first or the result is no longer needed.</summary>
    public async Task<(bool Done, T? Result)> CallAsync<T>(string what, string activity, object input, bool interruptible = true)
    {
        var since = Now;
        report(new DeliveryStatus(what, since, 0, null, null));
        for (var failures = 1; ; failures++)
        {
            var call = context.CallActivityAsync<T>(activity, input);
            if (interruptible && await Task.WhenAny(call, signals.Cancelled) != call)
            {
                return (false, default);
            }

            try
            {
                var result = await call;
                report(null);
                return (true, result);
            }
            catch (TaskFailedException e)
            {
                var status = new DeliveryStatus(what, since, failures, Describe(e), Now + policy.Interval(failures));
                report(status);
                await TellOwnerOnceAsync(status);
                if (!await WaitToRetryAsync(status.NextAttempt!.Value, interruptible))
                {
                    return (false, default);
                }
            }
        }
    }

    /// <summary>Waits for the next attempt; a retry request cuts it short. False when cancelled or no longer needed.</summary>
    private async Task<bool> WaitToRetryAsync(DateTimeOffset next, bool interruptible)
    {
        if (timers.IsCancellationRequested)
        {
            return false;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(timers);
        try
        {
            var timer = context.CreateTimer(next.UtcDateTime, wait.Token);
            var retryNow = signals.RetryNow;
            var cancel = interruptible ? signals.Cancelled : null;
            var winner = await Task.WhenAny(cancel is null ? [timer, retryNow] : [timer, retryNow, cancel]);
            if (winner == retryNow)
            {
                signals.TakeRetry();
            }

            return winner != cancel && !timers.IsCancellationRequested;
        }
        finally
        {
            wait.Cancel(); // an orchestration must not keep waiting for a timer nobody needs
        }
    }

    private async Task TellOwnerOnceAsync(DeliveryStatus status)
    {
        if (_ownerTold || ownerNotice is null || Now - status.Since < policy.TellOwnerAfter)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync<MailBatchResult>(nameof(SendMail), ownerNotice(status));
            _ownerTold = true;
        }
        catch (TaskFailedException)
        {
            // Mail itself is down: the next failed attempt tries again.
        }
    }

    private static string Describe(TaskFailedException e)
    {
        var message = e.FailureDetails.ErrorMessage ?? e.Message;
        var firstLine = message.Split('\n', 2)[0].Trim();
        return firstLine.Length <= ErrorLength ? firstLine : string.Concat(firstLine.AsSpan(0, ErrorLength - 1), "…");
    }
}
