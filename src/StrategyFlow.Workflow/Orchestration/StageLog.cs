using Microsoft.DurableTask;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Activities;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// What a stage has recorded: the current round, decisions, ignored events (counted, the last few kept),
/// reminders, escalation, delivery problems. It publishes all of it (as part of the strategy's custom
/// status, which ops and the form handler read) and becomes the stage's result at the end.
/// </summary>
internal sealed class StageLog(TaskOrchestrationContext context, StageInput input, Action<StageStatus> publish)
{
    /// <summary>How many ignored events are kept whole: enough to tell a person why their post did not count.</summary>
    public const int RecentIgnoredKept = 10;

    private readonly List<DecisionRecord> _decisions = [];
    private readonly Queue<IgnoredEvent> _recentIgnored = new();
    private readonly List<string> _undeliverable = [];
    private int _ignored;
    private DeliveryStatus? _delivery;
    private bool _ended;

    public StageRound? Round { get; private set; }

    /// <summary>The approver's comment that opened this round.</summary>
    public string? SendBackComment { get; private set; }

    public int RemindersSent { get; private set; }

    public bool Escalated { get; private set; }

    public int UndeliverableCount => _undeliverable.Count;

    public void StartRound(StageRound round, string? sendBackComment)
    {
        Round = round;
        SendBackComment = sendBackComment;
        RemindersSent = 0;
        Escalated = false;
        Publish();
    }

    public void StartReview()
    {
        RemindersSent = 0;
        Publish();
    }

    public void Remind() => RemindersSent++;

    public void Escalate() => Escalated = true;

    public void Decided(DecisionRecord record) => _decisions.Add(record);

    /// <summary>Audits an event the round did not act on; a null reason means it was acted on.</summary>
    public void Ignore(string eventName, string participant, int round, string? reason)
    {
        if (reason is null)
        {
            return;
        }

        _ignored++;
        _recentIgnored.Enqueue(new IgnoredEvent(eventName, participant.ToLowerInvariant(), round, reason, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
        while (_recentIgnored.Count > RecentIgnoredKept)
        {
            _recentIgnored.Dequeue();
        }
    }

    /// <summary>Adds refused recipients; true when any is new.</summary>
    public bool Undeliverable(IReadOnlyList<string> rejected)
    {
        var added = rejected.Where(r => !_undeliverable.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        _undeliverable.AddRange(added);
        return added.Count > 0;
    }

    public void Delivering(DeliveryStatus? status)
    {
        _delivery = status;
        Publish();
    }

    public StageResult End(StageOutcome outcome, StageApprovalResult? approval, string? reason)
    {
        _ended = true;
        _delivery = null;
        Publish();
        return new StageResult(outcome, Round!.Number, approval, _decisions, _ignored, _recentIgnored.ToList(), reason)
        {
            Undeliverable = _undeliverable.ToList(),
        };
    }

    public void Publish()
    {
        var round = Round!;
        var collecting = round.Phase == RoundPhase.Collecting;
        var phase = _ended ? StagePhase.Done : collecting ? StagePhase.CollectingInput : StagePhase.AwaitingApproval;
        var answered = _ended ? [] : collecting ? round.Answers.Keys : round.Approved;
        var pending = _ended ? [] : collecting ? round.PendingStakeholders : round.PendingApprovers;
        publish(new StageStatus(
            input.Stage.Number(), input.Stage, round.Number, phase, round.Deadline,
            answered.Order(StringComparer.Ordinal).ToList(), pending.Order(StringComparer.Ordinal).ToList(),
            RemindersSent, Escalated, _ignored, _decisions.Select(DecisionView.Of).ToList(), SendBackComment)
        {
            Answers = round.Answers.ToDictionary(a => a.Key, a => a.Value[..Math.Min(a.Value.Length, StageStatus.AnswerHashLength)], StringComparer.Ordinal),
            DraftSha256 = round.DraftSha256,
            Edits = round.Edits.ToList(),
            Delivery = _delivery,
            Undeliverable = _undeliverable.ToList(),
            RecentIgnored = _recentIgnored.ToList(),
        });
    }
}
