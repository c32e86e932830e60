using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;

namespace StrategyFlow.Workflow.Mail;

/// <summary>Every email StrategyFlow sends.</summary>
public enum MailKind
{
    /// <summary>To a stakeholder: a stage round is open; link to their form.</summary>
    Invitation,

    /// <summary>To a stakeholder who has not answered yet.</summary>
    Reminder,

    /// <summary>To a stakeholder: the approver asked for changes, a new round is open; link to their form.</summary>
    SentBack,

    /// <summary>To an approver: the draft is ready; link to the review page.</summary>
    ReviewRequest,

    /// <summary>To an approver who has not decided yet.</summary>
    ReviewReminder,

    /// <summary>To the owner: the approvers have not decided after the last reminder.</summary>
    Escalation,

    /// <summary>To an approver whose approval lapsed: another approver edited the draft; link to the review page.</summary>
    DraftChanged,

    /// <summary>To the owner, once: mail or storage has been failing for a while; the workflow keeps retrying.</summary>
    DeliveryDelayed,

    /// <summary>To the owner: SendGrid refused these recipients' addresses.</summary>
    Undeliverable,

    StageApproved,
    Completed,
    Rejected,
    Cancelled,

    /// <summary>To a participant whose link expired while the round still waits for them, on request from that link.</summary>
    FreshLink,

    /// <summary>To the owner: the strategy has started; link to its progress page.</summary>
    Started,
}

/// <summary>
/// What one email says. A kind that asks someone to act carries their <see cref="Link"/>; the outcome and an
/// approved stage carry a read-only link to the strategy; every mail to the owner carries their <see cref="ProgressLink"/>.
/// </summary>
public sealed record MailModel
{
    public MailKind Kind { get; init; }

    public Language Language { get; init; }

    public string Organization { get; init; } = "";

    public string StrategyTitle { get; init; } = "";

    /// <summary>The stage the mail is about; not needed for <see cref="MailKind.Completed"/> and <see cref="MailKind.Cancelled"/>.</summary>
    public StageKey? Stage { get; init; }

    public int Round { get; init; } = 1;

    public string RecipientName { get; init; } = "";

    /// <summary>The recipient's personal link (absolute http/https): form, review page or the strategy to read. Ignored by kinds that link nowhere.</summary>
    public string? Link { get; init; }

    /// <summary>What the link opens: the stakeholder's form, the approver's review page, or the strategy (read-only).</summary>
    public LinkRole? Role { get; init; }

    /// <summary>The owner's personal link to the strategy's progress page; set only in mail to the owner.</summary>
    public string? ProgressLink { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The approver's comment (send-back, approval, rejection) or the reason for cancelling.</summary>
    public string? Comment { get; init; }

    /// <summary>Who has not answered (review request) or not decided (escalation).</summary>
    public IReadOnlyList<string> Pending { get; init; } = [];

    public int RemindersSent { get; init; }
}

/// <summary>A rendered email: a one-line subject, email-safe HTML and an equivalent plain-text body.</summary>
public sealed record MailContent(string Subject, string Html, string PlainText);
