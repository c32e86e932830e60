using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>A round's first phase: the stakeholders answer.</summary>
internal sealed partial class StageRun
{
    /// <summary>Invites, reminds and counts answers until every stakeholder answered or the deadline; false when cancelled.</summary>
    private async Task<bool> CollectAnswersAsync()
    {
        var deadline = Round.Deadline.UtcDateTime;
        var reminderTimes = new Queue<DateTime>(_input.Timing.ReminderTimes(_context.CurrentUtcDateTime, deadline));
        var outbox = StartOutbox();
        Send("invitations", [.. _mail.ToStakeholders(Round.Number == 1 ? MailKind.Invitation : MailKind.SentBack, Round.PendingStakeholders), .. _mail.Started()]);

        Task? timer = null;
        while (!Round.EveryoneAnswered)
        {
            timer ??= _context.CreateTimer(reminderTimes.Count > 0 ? reminderTimes.Peek() : deadline, _timers.Token);
            var winner = await Task.WhenAny(Waits(timer));
            if (winner == _inbox.Cancel())
            {
                return false;
            }

            if (winner == _inbox.Answer())
            {
                var answer = _inbox.TakeAnswer();
                _log.Ignore(WorkflowEvents.AnswerSubmitted, answer.Participant, answer.Round, Round.Answer(answer));
            }
            else if (winner == _inbox.Decision())
            {
                var decision = _inbox.TakeDecision();
                _log.Ignore(WorkflowEvents.DecisionSubmitted, decision.Approver, decision.Round, Round.Decide(decision).IgnoredBecause);
            }
            else if (winner == outbox.Sending)
            {
                await outbox.Sending;
            }
            else if (winner == _inbox.Reminders())
            {
                // Ops asked: retry mail that keeps failing, or else remind everyone pending now.
                _inbox.TakeReminders();
                if (!outbox.RetryNow())
                {
                    Remind();
                }
            }
            else
            {
                timer = null;
                if (!reminderTimes.TryDequeue(out _))
                {
                    break; // the deadline: review what arrived
                }

                Remind();
            }

            _log.Publish();
        }

        return true;
    }

    /// <summary>Reminds the stakeholders who have not answered; counted once it went out.</summary>
    private void Remind() =>
        Send("reminders", _mail.ToStakeholders(MailKind.Reminder, Round.PendingStakeholders), result =>
        {
            if (result.Sent > 0)
            {
                _log.Remind();
            }
        });
}
