using Microsoft.DurableTask;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// The state of one execution, rebuilt on every replay. Steps the stage cannot go on without (closing a
/// round for review, archiving an approval) are awaited through <see cref="DurableDelivery"/>; the rest of
/// the mail goes through the phase's <see cref="StageOutbox"/>, so answers and decisions keep counting
/// while it is being retried.
/// </summary>
internal sealed partial class StageRun : IDisposable
{
    private readonly TaskOrchestrationContext _context;
    private readonly StageInput _input;
    private readonly CancellationTokenSource _timers = new(); // cancelled at the end: an instance must not wait for them
    private readonly EventInbox _inbox;
    private readonly DurableDelivery _delivery;
    private readonly StageMail _mail;
    private readonly StageLog _log;
    private StageOutbox? _outbox;

    /// <param name="context">The strategy orchestration's context.</param>
    /// <param name="input">The stage to run.</param>
    /// <param name="inbox">The strategy's one inbox: a waiter must outlive the stage, or an event could meet an abandoned one.</param>
    /// <param name="publish">Shows the stage's state in the strategy's custom status.</param>
    public StageRun(TaskOrchestrationContext context, StageInput input, EventInbox inbox, Action<StageStatus> publish)
    {
        _context = context;
        _input = input;
        _inbox = inbox;
        _log = new StageLog(context, input, publish);
        _mail = new StageMail(input, _log);
        _delivery = new DurableDelivery(context, input.Delivery, _inbox, _log.Delivering, _mail.DeliveryDelayed, _timers.Token);
    }

    private StageRound Round => _log.Round!;

    private DateTimeOffset Now => new(_context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<StageResult> RunAsync()
    {
        string? sendBackComment = null;
        for (var number = 1; ; number++)
        {
            _log.StartRound(new StageRound(_input.Plan, number, Now + _input.Timing.ResponseWindow), sendBackComment);
            if (!await CollectAnswersAsync())
            {
                return End(StageOutcome.Cancelled, null, _inbox.CancelReason);
            }

            var review = await ReviewAsync();
            switch (review?.End.Outcome)
            {
                case null:
                    return End(StageOutcome.Cancelled, null, _inbox.CancelReason);
                case ReviewOutcome.Approved:
                    return End(StageOutcome.Approved, review.Value.Approval, null);
                case ReviewOutcome.Rejected:
                    return End(StageOutcome.Rejected, null, review.Value.End.Comment);
                default:
                    sendBackComment = review.Value.End.Comment;
                    break;
            }
        }
    }

    /// <summary>Starts a phase's outbox; the previous phase's unsent mail is dropped.</summary>
    private StageOutbox StartOutbox()
    {
        DropOutbox();
        return _outbox = new StageOutbox(_context, _input.Delivery, _inbox, _log.Delivering, _mail.DeliveryDelayed, _timers.Token);
    }

    private void DropOutbox()
    {
        _outbox?.Drop();
        _outbox?.Dispose();
        _outbox = null;
    }

    /// <summary>Queues one moment's mail in the phase's outbox; <paramref name="sent"/> runs once it went out.</summary>
    private void Send(string what, IReadOnlyList<MailOrder> orders, Action<MailBatchResult>? sent = null) =>
        _outbox!.Send(what, _mail.Batch(orders), result =>
        {
            NoteRejected(result.Rejected);
            sent?.Invoke(result);
            _log.Publish();
        });

    /// <summary>Recipients SendGrid refused are shown in the status, and the owner is told (unless they are the one refused).</summary>
    private void NoteRejected(IReadOnlyList<string> rejected)
    {
        var owner = _input.Strategy.Owner;
        if (_log.Undeliverable(rejected) && !rejected.Contains(owner.Email, StringComparer.OrdinalIgnoreCase))
        {
            Send("notice to the owner", [_mail.Undeliverable(rejected)]);
        }
    }

    /// <summary>What a phase waits for: the events, its timer when it has one, and its outbox while it sends (a fault there must surface).</summary>
    private Task[] Waits(Task? timer)
    {
        var waits = new List<Task> { _inbox.Answer(), _inbox.Decision(), _inbox.Reminders(), _inbox.Cancel() };
        if (timer is not null)
        {
            waits.Add(timer);
        }

        if (_outbox is { Sending.IsCompleted: false } outbox)
        {
            waits.Add(outbox.Sending);
        }

        return [.. waits];
    }

    private StageResult End(StageOutcome outcome, StageApprovalResult? approval, string? reason)
    {
        DropOutbox();
        _timers.Cancel();
        return _log.End(outcome, approval, reason);
    }

    public void Dispose()
    {
        _outbox?.Dispose();
        _timers.Dispose();
    }
}
