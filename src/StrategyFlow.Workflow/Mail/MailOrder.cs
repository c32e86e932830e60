using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;

namespace StrategyFlow.Workflow.Mail;

/// <summary>
/// One email the workflow wants sent. The message key is stable across retries and replays, so the
/// send activity can skip what already went out. A role means the mail carries a personal link.
/// </summary>
public sealed record MailOrder(string MessageKey, Person To, MailKind Kind)
{
    /// <summary>The stage the mail is about; none for the strategy's outcome.</summary>
    public StageKey? Stage { get; init; }

    public int Round { get; init; }

    /// <summary>Set when the mail carries the recipient's personal link in this role.</summary>
    public LinkRole? Role { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The approver's comment or the reason for cancelling.</summary>
    public string? Comment { get; init; }

    /// <summary>Who has not answered or decided; for the owner's notices, what is affected.</summary>
    public IReadOnlyList<string> Pending { get; init; } = [];

    public int RemindersSent { get; init; }

    /// <summary>
    /// <c>{strategy}/{stage}/{round}/{kind}/{sequence}/{recipient}</c>: the mails of one batch differ only
    /// in the recipient, which is what lets the ledger keep a batch in one folder.
    /// </summary>
    public static string Key(string strategyId, int stage, int round, MailKind kind, int sequence, string recipient) =>
        $"{strategyId}/{stage}/{round}/{kind}/{sequence}/{recipient}";
}
