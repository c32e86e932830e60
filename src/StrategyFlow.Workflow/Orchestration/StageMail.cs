using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Mail;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>
/// The mail a stage sends, as orders with stable message keys (<see cref="MailOrder.Key"/>): the same
/// moment of the same round always yields the same keys, so a retried send skips what went out.
/// </summary>
internal sealed class StageMail(StageInput input, StageLog log)
{
    private StageRound Round => log.Round!;

    public MailBatch Batch(IReadOnlyList<MailOrder> orders) => new(input.Strategy, orders);

    /// <summary>Invitations, send-backs and reminders to these stakeholders, each with their form link.</summary>
    public IReadOnlyList<MailOrder> ToStakeholders(MailKind kind, IEnumerable<string> emails) =>
        People(input.Plan.Stakeholders, emails)
            .Select(p => Order(p, kind, Sequence(kind)) with
            {
                Role = LinkRole.Stakeholder,
                Comment = kind == MailKind.SentBack ? log.SendBackComment : null,
            })
            .ToList();

    /// <summary>Review reminders, or requests to approve again after an edit, each with the review link.</summary>
    public IReadOnlyList<MailOrder> ToApprovers(MailKind kind, IEnumerable<string> emails) =>
        People(input.Plan.Approvers, emails)
            .Select(p => Order(p, kind, kind == MailKind.DraftChanged ? Round.Edits.Count : Sequence(kind)) with { Role = LinkRole.Approver })
            .ToList();

    /// <summary>The first review request to every approver, naming who did not answer.</summary>
    public IReadOnlyList<MailOrder> ReviewRequests(IReadOnlyList<string> notAnswered)
    {
        var names = People(input.Plan.Stakeholders, notAnswered).Select(p => p.Name).ToList();
        return input.Plan.Approvers.Select(a => Order(a, MailKind.ReviewRequest, 0) with { Role = LinkRole.Approver, Pending = names }).ToList();
    }

    public MailOrder Escalation() =>
        Order(input.Strategy.Owner, MailKind.Escalation, log.RemindersSent) with
        {
            Pending = People(input.Plan.Approvers, Round.PendingApprovers).Select(p => p.Name).ToList(),
        };

    /// <summary>The owner's notice of an approved stage, with their link to read the strategy so far.</summary>
    public MailOrder StageApproved() => Order(input.Strategy.Owner, MailKind.StageApproved, 0) with { Deadline = null, Role = LinkRole.Reader };

    /// <summary>The owner's confirmation that the strategy has started: sent with the first round's invitations, once.</summary>
    public IReadOnlyList<MailOrder> Started() =>
        input.Stage == StageKey.Goals && Round.Number == 1 ? [Order(input.Strategy.Owner, MailKind.Started, 0)] : [];

    public MailOrder Undeliverable(IReadOnlyList<string> rejected) =>
        Order(input.Strategy.Owner, MailKind.Undeliverable, log.UndeliverableCount) with { Pending = rejected, Deadline = null };

    /// <summary>The owner's one notice that something has been failing for a while.</summary>
    public MailBatch DeliveryDelayed(DeliveryStatus status) =>
        Batch([Order(input.Strategy.Owner, MailKind.DeliveryDelayed, 0) with { Pending = [status.What], Deadline = null }]);

    /// <summary>A reminder is numbered before it is sent: the log counts it only once it went out.</summary>
    private int Sequence(MailKind kind) => kind is MailKind.Reminder or MailKind.ReviewReminder ? log.RemindersSent + 1 : log.RemindersSent;

    private MailOrder Order(Person to, MailKind kind, int sequence) =>
        new(MailOrder.Key(input.Strategy.Id, input.Stage.Number(), Round.Number, kind, sequence, to.Email), to, kind)
        {
            Stage = input.Stage,
            Round = Round.Number,
            Deadline = Round.Deadline,
            RemindersSent = log.RemindersSent,
        };

    private static IEnumerable<Person> People(IReadOnlyList<Person> people, IEnumerable<string> emails)
    {
        var wanted = emails.ToHashSet(StringComparer.Ordinal);
        return people.Where(p => wanted.Contains(p.Email));
    }
}
