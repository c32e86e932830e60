using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>A round's second phase: the approvers decide.</summary>
internal sealed partial class StageRun
{
    /// <summary>Freezes the review, asks the approvers and applies their decisions; null when cancelled.</summary>
    private async Task<(RoundEnd End, StageApprovalResult? Approval)?> ReviewAsync()
    {
        var notAnswered = Round.PendingStakeholders.ToList();
        var answers = Round.CloseCollection(Now + _input.Timing.ApprovalWindow);
        var reminderTimes = new Queue<DateTime>(_input.Timing.ReminderTimes(_context.CurrentUtcDateTime, Round.Deadline.UtcDateTime));
        DropOutbox(); // invitations and reminders for a closed round would only mislead
        _log.StartReview();

        // The review cannot start without its bundle: this step is awaited (and retried) before anything else.
        var request = new ReviewRequest(_input.Strategy.Id, _input.Stage, Round.Number, _input.Context, answers, notAnswered,
            _mail.Batch(_mail.ReviewRequests(notAnswered)));
        var (prepared, summary) = await _delivery.CallAsync<ReviewSummary>("review requests", nameof(PrepareReview), request);
        if (!prepared)
        {
            return null;
        }

        var outbox = StartOutbox();
        NoteRejected(summary!.Rejected);
        Round.StartReview(summary.DraftSha256);
        _log.Publish();
        Task? timer = null;
        var escalated = false;
        while (Round.Phase == RoundPhase.Reviewing)
        {
            timer ??= escalated ? null : _context.CreateTimer(reminderTimes.Count > 0 ? reminderTimes.Peek() : Round.Deadline.UtcDateTime, _timers.Token);
            var winner = await Task.WhenAny(Waits(timer));
            if (winner == _inbox.Cancel())
            {
                return null;
            }

            if (winner == _inbox.Answer())
            {
                var late = _inbox.TakeAnswer();
                _log.Ignore(WorkflowEvents.AnswerSubmitted, late.Participant, late.Round, Round.Answer(late));
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

                    Send("approval requests", _mail.ToApprovers(MailKind.DraftChanged, verdict.AskAgain));
                }
            }
            else if (winner == outbox.Sending)
            {
                await outbox.Sending;
            }
            else if (winner == _inbox.Reminders())
            {
                // Ops asked: retry mail that keeps failing, or else remind the approvers who have not decided.
                _inbox.TakeReminders();
                if (!outbox.RetryNow())
                {
                    RemindApprovers();
                }
            }
            else
            {
                timer = null;
                if (reminderTimes.TryDequeue(out _))
                {
                    RemindApprovers();
                }
                else
                {
                    // After the last reminder: tell the owner, then keep waiting for the approvers.
                    escalated = true;
                    Send("escalation", [_mail.Escalation()], _ => _log.Escalate());
                }
            }

            _log.Publish();
        }

        throw new InvalidOperationException($"Round {Round.Number} of stage {_input.Stage} left its review without an outcome.");
    }

    /// <summary>Reminds the approvers whose approval of the current draft is missing; counted once it went out.</summary>
    private void RemindApprovers() =>
        Send("review reminders", _mail.ToApprovers(MailKind.ReviewReminder, Round.PendingApprovers), result =>
        {
            if (result.Sent > 0)
            {
                _log.Remind();
            }
        });

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
}
