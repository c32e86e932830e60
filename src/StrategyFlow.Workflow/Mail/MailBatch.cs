using StrategyFlow.Core.Documents;

namespace StrategyFlow.Workflow.Mail;

/// <summary>A round's emails, sent by one activity call (fewer history events and storage operations).</summary>
public sealed record MailBatch(StrategyHeader Strategy, IReadOnlyList<MailOrder> Orders);

/// <summary>What happened to a batch. Rejected recipients (a 4xx other than 429) are not retried.</summary>
public sealed record MailBatchResult(int Sent, int AlreadySent, IReadOnlyList<string> Rejected);
