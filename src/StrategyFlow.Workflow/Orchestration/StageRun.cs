using Microsoft.DurableTask;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>The state of one execution, rebuilt on every replay.</summary>
internal sealed partial class StageRun : IDisposable
{
    private readonly TaskOrchestrationContext _context;
    private readonly StageInput _input;
    private readonly CancellationTokenSource _timers = new(); // cancelled at the end: an instance must not wait for them
    private readonly EventInbox _inbox;
    private readonly DurableDelivery _delivery;
    private readonly StageMail _mail;
    private readonly StageLog _log;

    public StageRun(TaskOrchestrationContext context, StageInput input)
    {
        _context = context;
        _input = input;
        _inbox = new EventInbox(context);
        _log = new StageLog(context, input);
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

    /// <summary>Sends one moment's mail; false when the strategy was cancelled while delivery was failing.</summary>
    private async Task<bool> SendAsync(string what, IReadOnlyList<MailOrder> orders)
    {
        if (orders.Count == 0)
        {
            return true;
        }

        var (done, result) = await _delivery.CallAsync<MailBatchResult>(what, nameof(SendMail), _mail.Batch(orders));
        return done && await NoteRejectedAsync(result!.Rejected);
    }

    /// <summary>Recipients SendGrid refused are shown in the status, and the owner is told (unless they are the one refused).</summary>
    private async Task<bool> NoteRejectedAsync(IReadOnlyList<string> rejected)
    {
        var owner = _input.Strategy.Owner;
        if (!_log.Undeliverable(rejected) || rejected.Contains(owner.Email, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var (done, _) = await _delivery.CallAsync<MailBatchResult>("notice to the owner", nameof(SendMail), _mail.Batch([_mail.Undeliverable(rejected)]));
        return done;
    }

    private StageResult End(StageOutcome outcome, StageApprovalResult? approval, string? reason)
    {
        _timers.Cancel();
        return _log.End(outcome, approval, reason);
    }

    public void Dispose() => _timers.Dispose();
}
