using Microsoft.DurableTask;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// One stage, in rounds: invite stakeholders, collect answers (reminders, deadline), then review by
/// the approvers (reminders, escalation to the owner, never auto-approval) until the stage is
/// approved, sent back (a new round) or rejected, or the strategy is cancelled. The rules of a round
/// live in <see cref="StageRound"/>; this class only waits, times and calls activities.
/// </summary>
public sealed class StageOrchestrator : TaskOrchestrator<StageInput, StageResult>
{
    public override Task<StageResult> RunAsync(TaskOrchestrationContext context, StageInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return RunStageAsync(context, input);
    }

    private static async Task<StageResult> RunStageAsync(TaskOrchestrationContext context, StageInput input)
    {
        using var stage = new StageRun(context, input);
        return await stage.RunAsync();
    }

    /// <summary>The state of one execution, rebuilt on every replay.</summary>
    private sealed class StageRun : IDisposable
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

        /// <summary>Invites, reminds and counts answers until every stakeholder answered or the deadline; false when cancelled.</summary>
        private async Task<bool> CollectAnswersAsync()
        {
            var deadline = Round.Deadline.UtcDateTime;
            var reminderTimes = new Queue<DateTime>(_input.Timing.ReminderTimes(_context.CurrentUtcDateTime, deadline));
            var invitation = Round.Number == 1 ? MailKind.Invitation : MailKind.SentBack;
            if (!await SendAsync("invitations", _mail.ToStakeholders(invitation, Round.PendingStakeholders)))
            {
                return false;
            }

            Task? timer = null;
            while (!Round.EveryoneAnswered)
            {
                timer ??= _context.CreateTimer(reminderTimes.Count > 0 ? reminderTimes.Peek() : deadline, _timers.Token);
                var winner = await Task.WhenAny(_inbox.Answer(), _inbox.Decision(), _inbox.Reminders(), _inbox.Cancel(), timer);
                if (winner == _inbox.Cancel())
                {
                    return false;
                }

                if (winner == _inbox.Answer())
                {
                    var answer = _inbox.TakeAnswer();
                    _log.Ignore(WorkflowEvents.AnswerSubmitted, answer.Participant, answer.Round, Round.Answer(answer.Participant, answer.Round, answer.AnswerSha256, answer.At));
                }
                else if (winner == _inbox.Decision())
                {
                    var decision = _inbox.TakeDecision();
                    _log.Ignore(WorkflowEvents.DecisionSubmitted, decision.Approver, decision.Round, Round.Decide(decision).IgnoredBecause);
                }
                else
                {
                    var deadlinePassed = winner == timer && reminderTimes.Count == 0;
                    if (winner == timer)
                    {
                        timer = null;
                        reminderTimes.TryDequeue(out _);
                    }
                    else
                    {
                        _inbox.TakeReminders();
                    }

                    if (deadlinePassed)
                    {
                        break; // review what arrived
                    }

                    if (!await SendAsync("reminders", _mail.ToStakeholders(MailKind.Reminder, Round.PendingStakeholders)))
                    {
                        return false;
                    }

                    _log.Remind(); // counted once sent: the status never claims mail that did not go out
                }

                _log.Publish();
            }

            return true;
        }

        /// <summary>Freezes the review, asks the approvers and applies their decisions; null when cancelled.</summary>
        private async Task<(RoundEnd End, StageApprovalResult? Approval)?> ReviewAsync()
        {
            var notAnswered = Round.PendingStakeholders.ToList();
            var answers = Round.CloseCollection(Now + _input.Timing.ApprovalWindow);
            var reminderTimes = new Queue<DateTime>(_input.Timing.ReminderTimes(_context.CurrentUtcDateTime, Round.Deadline.UtcDateTime));
            _log.StartReview();

            var request = new ReviewRequest(_input.Strategy.Id, _input.Stage, Round.Number, _input.Context, answers, notAnswered,
                _mail.Batch(_mail.ReviewRequests(notAnswered)));
            var (prepared, summary) = await _delivery.CallAsync<ReviewSummary>("review requests", nameof(PrepareReview), request);
            if (!prepared || !await NoteRejectedAsync(summary!.Rejected))
            {
                return null;
            }

            Round.StartReview(summary.DraftSha256);
            _log.Publish();
            Task? timer = null;
            while (Round.Phase == RoundPhase.Reviewing)
            {
                timer ??= _log.Escalated ? null : _context.CreateTimer(reminderTimes.Count > 0 ? reminderTimes.Peek() : Round.Deadline.UtcDateTime, _timers.Token);
                Task[] waits = timer is null
                    ? [_inbox.Answer(), _inbox.Decision(), _inbox.Reminders(), _inbox.Cancel()]
                    : [_inbox.Answer(), _inbox.Decision(), _inbox.Reminders(), _inbox.Cancel(), timer];
                var winner = await Task.WhenAny(waits);
                if (winner == _inbox.Cancel())
                {
                    return null;
                }

                var sent = true;
                if (winner == _inbox.Answer())
                {
                    var late = _inbox.TakeAnswer();
                    _log.Ignore(WorkflowEvents.AnswerSubmitted, late.Participant, late.Round, Round.Answer(late.Participant, late.Round, late.AnswerSha256, late.At));
                }
                else if (winner == _inbox.Decision())
                {
                    var decision = _inbox.TakeDecision();
                    var verdict = Round.Decide(decision);
                    if (verdict.End is { Outcome: ReviewOutcome.Approved } approved)
                    {
                        var approval = await ApproveAsync(decision, verdict.Record!, approved);
                        if (approval is null || approval.Accepted)
                        {
                            return approval is null ? null : (approved, approval);
                        }
                    }
                    else if (verdict.IgnoredBecause is { } reason)
                    {
                        _log.Ignore(WorkflowEvents.DecisionSubmitted, decision.Approver, decision.Round, reason);
                    }
                    else
                    {
                        _log.Decided(verdict.Record!);
                        if (verdict.End is { } end)
                        {
                            return (end, null);
                        }

                        sent = await SendAsync("approval requests", _mail.ToApprovers(MailKind.DraftChanged, verdict.AskAgain));
                    }
                }
                else if (winner == _inbox.Reminders() || reminderTimes.Count > 0)
                {
                    if (winner == timer)
                    {
                        timer = null;
                        reminderTimes.Dequeue();
                    }
                    else
                    {
                        _inbox.TakeReminders();
                    }

                    sent = await SendAsync("review reminders", _mail.ToApprovers(MailKind.ReviewReminder, Round.PendingApprovers));
                    if (sent)
                    {
                        _log.Remind();
                    }
                }
                else
                {
                    // After the last reminder: tell the owner, then keep waiting for the approvers.
                    timer = null;
                    sent = await SendAsync("escalation", [_mail.Escalation()]);
                    if (sent)
                    {
                        _log.Escalate();
                    }
                }

                if (!sent)
                {
                    return null;
                }

                _log.Publish();
            }

            throw new InvalidOperationException($"Round {Round.Number} of stage {_input.Stage} left its review without an outcome.");
        }

        /// <summary>Archives the approved draft; the approval is withdrawn (and audited) when the draft fails the checks.</summary>
        private async Task<StageApprovalResult?> ApproveAsync(DecisionSubmitted decision, DecisionRecord record, RoundEnd approved)
        {
            _log.Publish();
            var request = new StageApprovalRequest(
                _input.Strategy.Id, _input.Stage, Round.Number, approved.DraftSha256!, approved.ApprovedBy,
                Round.Answers.Keys.Order(StringComparer.Ordinal).ToList(), Now, _input.Context, _mail.Batch([_mail.StageApproved()]));
            var (done, approval) = await _delivery.CallAsync<StageApprovalResult>("stage approval", nameof(ApproveStage), request);
            if (!done)
            {
                return null;
            }

            if (approval!.Accepted)
            {
                Round.ApprovalArchived();
                _log.Decided(record);
            }
            else
            {
                Round.ApprovalRefused(decision.Approver);
                _log.Ignore(WorkflowEvents.DecisionSubmitted, decision.Approver, decision.Round, approval.Reason ?? "the draft cannot be approved");
            }

            return approval;
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
}
