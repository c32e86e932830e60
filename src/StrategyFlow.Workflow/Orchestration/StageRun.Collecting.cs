using Microsoft.DurableTask;
using StrategyFlow.Workflow.Activities;
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
}
