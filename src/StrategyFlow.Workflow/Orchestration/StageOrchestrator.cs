using Microsoft.DurableTask;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// One stage, in rounds: invite stakeholders, collect answers (reminders, deadline), then review by
/// the approvers (reminders, escalation to the owner, never auto-approval) until the stage is
/// approved, sent back (a new round) or rejected, or the strategy is cancelled.
/// </summary>
/// <remarks>
/// Each external event has exactly one pending <c>WaitForExternalEvent</c> at a time, kept across
/// timer wake-ups and phases and renewed only after it completed: an event that arrives just as a
/// reminder timer fires is delivered to that waiter, never to an abandoned one
/// (Azure/azure-functions-durable-extension#3255). Stale and duplicate events are ignored and audited.
/// </remarks>
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
        using var run = new StageRun(context, input);
        return await run.RunAsync();
    }

    /// <summary>The state of one execution (rebuilt on every replay, deterministically).</summary>
    private sealed class StageRun(TaskOrchestrationContext context, StageInput input) : IDisposable
    {
        // Outstanding timers are cancelled when the stage ends: an instance must not wait for them.
        private readonly CancellationTokenSource _timers = new();
        private readonly List<DecisionRecord> _decisions = [];
        private readonly List<IgnoredEvent> _ignored = [];
        private Task<AnswerSubmitted>? _answer;
        private Task<DecisionSubmitted>? _decision;
        private Task<RemindersRequested>? _reminders;
        private Task<CancelRequested>? _cancel;

        private int _round;
        private StagePhase _phase;
        private DateTimeOffset? _deadline;
        private int _remindersSent;
        private bool _escalated;
        private IReadOnlyList<string> _answered = [];
        private IReadOnlyList<string> _pending = [];
        private string? _sendBackComment;

        private string StrategyId => input.Strategy.Id;

        private DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

        public async Task<StageResult> RunAsync()
        {
            string? sendBackComment = null;
            for (_round = 1; ; _round++)
            {
                var answers = await CollectAnswersAsync(sendBackComment);
                if (answers is null)
                {
                    return Cancelled();
                }

                var review = await ReviewAsync(answers);
                switch (review.Outcome)
                {
                    case ReviewOutcome.Approved:
                        return End(StageOutcome.Approved, review.Approval, null);
                    case ReviewOutcome.Rejected:
                        return End(StageOutcome.Rejected, null, review.Comment);
                    case ReviewOutcome.Cancelled:
                        return Cancelled();
                    default:
                        sendBackComment = review.Comment;
                        break;
                }
            }
        }

        // ---- Collecting input -------------------------------------------------------------

        /// <summary>Invites, reminds and waits until every stakeholder answered or the deadline; null when cancelled.</summary>
        private async Task<Dictionary<string, string>?> CollectAnswersAsync(string? sendBackComment)
        {
            var start = context.CurrentUtcDateTime;
            var deadline = start + input.Timing.ResponseWindow;
            var reminderTimes = new Queue<DateTime>(input.Timing.ReminderTimes(start, deadline));
            var stakeholders = input.Plan.Stakeholders;
            var latest = new Dictionary<string, string>(StringComparer.Ordinal);

            _phase = StagePhase.CollectingInput;
            _deadline = new DateTimeOffset(deadline, TimeSpan.Zero);
            _remindersSent = 0;
            _escalated = false;
            _sendBackComment = sendBackComment;
            UpdateStatus(latest.Keys, stakeholders.Select(s => s.Email));

            var kind = _round == 1 ? MailKind.Invitation : MailKind.SentBack;
            await SendAsync(stakeholders.Select(s => Order(s, kind, LinkRole.Stakeholder, sendBackComment, [], 0)));

            Task? timer = null;
            while (latest.Count < stakeholders.Count)
            {
                var wakeAt = reminderTimes.Count > 0 ? reminderTimes.Peek() : deadline;
                timer ??= context.CreateTimer(wakeAt, _timers.Token);
                var winner = await Task.WhenAny(Answer(), Decision(), Reminders(), Cancel(), timer);

                if (winner == _cancel)
                {
                    return null;
                }

                if (winner == _answer)
                {
                    Accept(TakeAnswer(), latest);
                }
                else if (winner == _decision)
                {
                    var stale = TakeDecision();
                    Ignore(WorkflowEvents.DecisionSubmitted, stale.Approver, stale.Round, "not awaiting approval");
                }
                else if (winner == _reminders)
                {
                    _ = TakeReminders();
                    await RemindStakeholdersAsync(latest);
                }
                else
                {
                    timer = null;
                    if (reminderTimes.Count == 0)
                    {
                        break; // deadline: go to review with what arrived
                    }

                    reminderTimes.Dequeue();
                    await RemindStakeholdersAsync(latest);
                }

                UpdateStatus(latest.Keys, Pending(stakeholders, latest));
            }

            return latest;
        }

        private void Accept(AnswerSubmitted answer, Dictionary<string, string> latest)
        {
            var participant = answer.Participant.ToLowerInvariant();
            if (answer.Round != _round)
            {
                Ignore(WorkflowEvents.AnswerSubmitted, participant, answer.Round, "another round");
            }
            else if (!input.Plan.Stakeholders.Any(s => s.Email == participant))
            {
                Ignore(WorkflowEvents.AnswerSubmitted, participant, answer.Round, "not a stakeholder of this stage");
            }
            else if (latest.TryGetValue(participant, out var sha) && sha == answer.AnswerSha256)
            {
                Ignore(WorkflowEvents.AnswerSubmitted, participant, answer.Round, "duplicate");
            }
            else
            {
                latest[participant] = answer.AnswerSha256; // a revision replaces the earlier answer
            }
        }

        private Task RemindStakeholdersAsync(Dictionary<string, string> latest)
        {
            _remindersSent++;
            var pending = input.Plan.Stakeholders.Where(s => !latest.ContainsKey(s.Email));
            return SendAsync(pending.Select(s => Order(s, MailKind.Reminder, LinkRole.Stakeholder, null, [], _remindersSent)));
        }

        // ---- Review -----------------------------------------------------------------------

        private enum ReviewOutcome
        {
            Approved,
            ChangesRequested,
            Rejected,
            Cancelled,
        }

        private sealed record Review(ReviewOutcome Outcome, StageApprovalResult? Approval, string? Comment);

        private async Task<Review> ReviewAsync(Dictionary<string, string> answers)
        {
            var stakeholders = input.Plan.Stakeholders;
            var notAnswered = stakeholders.Where(s => !answers.ContainsKey(s.Email)).Select(s => s.Email).ToList();
            var answerRefs = answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AnswerRef(a.Key, a.Value)).ToList();

            var start = context.CurrentUtcDateTime;
            var deadline = start + input.Timing.ApprovalWindow;
            var reminderTimes = new Queue<DateTime>(input.Timing.ReminderTimes(start, deadline));
            var approvers = input.Plan.Approvers;
            var decided = new Dictionary<string, DecisionSubmitted>(StringComparer.Ordinal);
            var notAnsweredNames = stakeholders.Where(s => notAnswered.Contains(s.Email)).Select(s => s.Name).ToList();

            _phase = StagePhase.AwaitingApproval;
            _deadline = new DateTimeOffset(deadline, TimeSpan.Zero);
            _remindersSent = 0;
            UpdateStatus([], approvers.Select(a => a.Email));

            // One activity freezes the review and sends the requests: the link works when the mail arrives.
            var requests = approvers.Select(a => Order(a, MailKind.ReviewRequest, LinkRole.Approver, null, notAnsweredNames, 0)).ToList();
            await context.CallActivityAsync<ReviewSummary>(
                nameof(PrepareReview),
                new ReviewRequest(StrategyId, input.Stage, _round, input.Context, answerRefs, notAnswered, new MailBatch(input.Strategy, requests)),
                ActivityRetry.Options);

            Task? timer = null;
            Review? review = null;
            while (review is null)
            {
                if (timer is null && !_escalated)
                {
                    timer = context.CreateTimer(reminderTimes.Count > 0 ? reminderTimes.Peek() : deadline, _timers.Token);
                }

                Task[] waits = timer is null
                    ? [Answer(), Decision(), Reminders(), Cancel()]
                    : [Answer(), Decision(), Reminders(), Cancel(), timer];
                var winner = await Task.WhenAny(waits);

                if (winner == _cancel)
                {
                    return new Review(ReviewOutcome.Cancelled, null, null);
                }

                if (winner == _answer)
                {
                    var late = TakeAnswer();
                    Ignore(WorkflowEvents.AnswerSubmitted, late.Participant, late.Round, "the round has closed");
                }
                else if (winner == _reminders)
                {
                    _ = TakeReminders();
                    await RemindApproversAsync(decided);
                }
                else if (winner == _decision)
                {
                    review = await DecideAsync(TakeDecision(), decided, answerRefs);
                }
                else
                {
                    timer = null;
                    if (reminderTimes.Count > 0)
                    {
                        reminderTimes.Dequeue();
                        await RemindApproversAsync(decided);
                    }
                    else
                    {
                        await EscalateAsync(decided);
                    }
                }

                UpdateStatus(decided.Keys, approvers.Select(a => a.Email).Where(a => !decided.ContainsKey(a)));
            }

            return review;
        }

        /// <summary>Applies one decision; returns the review's end, or null to keep waiting.</summary>
        private async Task<Review?> DecideAsync(
            DecisionSubmitted decision,
            Dictionary<string, DecisionSubmitted> decided,
            IReadOnlyList<AnswerRef> answers)
        {
            var approver = decision.Approver.ToLowerInvariant();
            if (decision.Round != _round)
            {
                Ignore(WorkflowEvents.DecisionSubmitted, approver, decision.Round, "another round");
                return null;
            }

            if (!input.Plan.Approvers.Any(a => a.Email == approver))
            {
                Ignore(WorkflowEvents.DecisionSubmitted, approver, decision.Round, "not an approver of this stage");
                return null;
            }

            if (decided.ContainsKey(approver))
            {
                Ignore(WorkflowEvents.DecisionSubmitted, approver, decision.Round, "already decided");
                return null;
            }

            decided[approver] = decision;
            var unanimous = input.Plan.Policy == ApprovalPolicy.All;
            if (decision.Decision == DecisionKind.Approved && unanimous && decided.Count < input.Plan.Approvers.Count)
            {
                Record(decision, approver);
                return null; // every approver must approve
            }

            if (decision.Decision != DecisionKind.Approved)
            {
                Record(decision, approver);
                var outcome = decision.Decision == DecisionKind.Rejected ? ReviewOutcome.Rejected : ReviewOutcome.ChangesRequested;
                return new Review(outcome, null, decision.Comment);
            }

            // The deciding approval: the draft it carries is what the stage approves.
            var approvedBy = decided.Values.Where(d => d.Decision == DecisionKind.Approved)
                .Select(d => d.Approver.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
            var owner = input.Strategy.Owner;
            var announcement = new MailOrder(
                MailOrder.Key(StrategyId, input.Stage.Number(), _round, MailKind.StageApproved, 0, owner.Email),
                owner, MailKind.StageApproved, input.Stage, _round, null, null, null, [], 0);
            var approval = await context.CallActivityAsync<StageApprovalResult>(
                nameof(ApproveStage),
                new StageApprovalRequest(
                    StrategyId, input.Stage, _round, decision.DraftSha256, approvedBy,
                    answers.Select(a => a.Participant).ToList(), Now, input.Context, new MailBatch(input.Strategy, [announcement])),
                ActivityRetry.Options);
            if (!approval.Accepted)
            {
                decided.Remove(approver);
                Ignore(WorkflowEvents.DecisionSubmitted, approver, decision.Round, approval.Reason ?? "the draft cannot be approved");
                return null;
            }

            Record(decision, approver);
            return new Review(ReviewOutcome.Approved, approval, decision.Comment);
        }

        private void Record(DecisionSubmitted decision, string approver)
        {
            var hash = decision.Decision == DecisionKind.Approved ? decision.DraftSha256 : null;
            _decisions.Add(new DecisionRecord(input.Stage, _round, approver, decision.Decision, decision.Comment, decision.At, hash));
        }

        private Task RemindApproversAsync(Dictionary<string, DecisionSubmitted> decided)
        {
            _remindersSent++;
            var pending = input.Plan.Approvers.Where(a => !decided.ContainsKey(a.Email));
            return SendAsync(pending.Select(a => Order(a, MailKind.ReviewReminder, LinkRole.Approver, null, [], _remindersSent)));
        }

        /// <summary>After the last reminder: tell the owner, then keep waiting for the approvers.</summary>
        private Task EscalateAsync(Dictionary<string, DecisionSubmitted> decided)
        {
            _escalated = true;
            var pending = input.Plan.Approvers.Where(a => !decided.ContainsKey(a.Email)).Select(a => a.Name).ToList();
            return SendAsync([Order(input.Strategy.Owner, MailKind.Escalation, null, null, pending, _remindersSent)]);
        }

        // ---- Events -----------------------------------------------------------------------

        private Task<AnswerSubmitted> Answer() =>
            _answer ??= context.WaitForExternalEvent<AnswerSubmitted>(WorkflowEvents.AnswerSubmitted);

        private Task<DecisionSubmitted> Decision() =>
            _decision ??= context.WaitForExternalEvent<DecisionSubmitted>(WorkflowEvents.DecisionSubmitted);

        private Task<RemindersRequested> Reminders() =>
            _reminders ??= context.WaitForExternalEvent<RemindersRequested>(WorkflowEvents.RemindersRequested);

        private Task<CancelRequested> Cancel() =>
            _cancel ??= context.WaitForExternalEvent<CancelRequested>(WorkflowEvents.CancelRequested);

        private AnswerSubmitted TakeAnswer() => Take(ref _answer);

        private DecisionSubmitted TakeDecision() => Take(ref _decision);

        private RemindersRequested TakeReminders() => Take(ref _reminders);

        /// <summary>Reads a completed waiter and clears it, so the next wait creates a fresh one.</summary>
        private static T Take<T>(ref Task<T>? waiter)
        {
            var value = waiter!.Result;
            waiter = null;
            return value;
        }

        private void Ignore(string eventName, string participant, int round, string reason) =>
            _ignored.Add(new IgnoredEvent(eventName, participant, round, reason, Now));

        // ---- Results, status, mail --------------------------------------------------------

        private StageResult Cancelled() => End(StageOutcome.Cancelled, null, _cancel?.Result.Reason);

        public void Dispose() => _timers.Dispose();

        private StageResult End(StageOutcome outcome, StageApprovalResult? approval, string? reason)
        {
            _timers.Cancel();
            _phase = StagePhase.Done;
            UpdateStatus([], []);
            return new StageResult(outcome, _round, approval, _decisions, _ignored, reason);
        }

        private void UpdateStatus(IEnumerable<string> answered, IEnumerable<string> pending)
        {
            _answered = answered.Order(StringComparer.Ordinal).ToList();
            _pending = pending.Order(StringComparer.Ordinal).ToList();
            context.SetCustomStatus(new StageStatus(
                input.Stage.Number(), input.Stage, _round, _phase, _deadline, _answered, _pending,
                _remindersSent, _escalated, _ignored.Count, _decisions.Select(DecisionView.Of).ToList(), _sendBackComment));
        }

        private static IEnumerable<string> Pending(IEnumerable<Person> people, Dictionary<string, string> answered) =>
            people.Select(p => p.Email).Where(e => !answered.ContainsKey(e));

        private MailOrder Order(Person to, MailKind kind, LinkRole? role, string? comment, IReadOnlyList<string> pending, int sequence) => new(
            MailOrder.Key(StrategyId, input.Stage.Number(), _round, kind, sequence, to.Email),
            to,
            kind,
            input.Stage,
            _round,
            role,
            _deadline,
            comment,
            pending,
            _remindersSent);

        private async Task SendAsync(IEnumerable<MailOrder> orders)
        {
            var batch = orders.ToList();
            if (batch.Count > 0)
            {
                await context.CallActivityAsync<MailBatchResult>(nameof(SendMail), new MailBatch(input.Strategy, batch), ActivityRetry.Options);
            }
        }
    }
}
