using System.Text.Json.Serialization;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Orchestration;

[JsonConverter(typeof(JsonStringEnumConverter<StagePhase>))]
public enum StagePhase
{
    CollectingInput,
    AwaitingApproval,
    Archiving,
    Done,
}

/// <summary>
/// The stage orchestration's custom status: the live view ops and the form handler read. Stage
/// content never goes here (it stays far below the 16 KB limit). <see cref="SendBackComment"/> is the
/// approver's comment that opened this round (shown on the form).
/// </summary>
public sealed record StageStatus(
    int Number,
    StageKey Key,
    int Round,
    StagePhase Phase,
    DateTimeOffset? Deadline,
    IReadOnlyList<string> Answered,
    IReadOnlyList<string> Pending,
    int RemindersSent,
    bool Escalated,
    int IgnoredEvents,
    IReadOnlyList<DecisionView> Decisions,
    string? SendBackComment)
{
    /// <summary>Length of the answer hashes in <see cref="Answers"/>: enough to tell answers apart, short enough for 100 stakeholders.</summary>
    public const int AnswerHashLength = 16;

    /// <summary>Each stakeholder's counted answer this round, by the start of its content hash (kept through the review).</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>The draft under review, by content hash; approvals count for this hash only.</summary>
    public string? DraftSha256 { get; init; }

    /// <summary>Approvers' edits of the shared draft this round, oldest first.</summary>
    public IReadOnlyList<DraftEdit> Edits { get; init; } = [];

    /// <summary>What is waiting to be sent or stored, and why it is late; null when nothing is.</summary>
    public DeliveryStatus? Delivery { get; init; }

    /// <summary>Recipients SendGrid refused (an invalid address): they got no mail.</summary>
    public IReadOnlyList<string> Undeliverable { get; init; } = [];

    /// <summary>The last few events not acted on, newest last: the form handler tells people why.</summary>
    public IReadOnlyList<IgnoredEvent> RecentIgnored { get; init; } = [];

    /// <summary>Whether <paramref name="answerSha256"/> is the participant's counted answer.</summary>
    public bool Counts(string participant, string answerSha256) =>
        Answers.TryGetValue(participant, out var counted) && answerSha256.StartsWith(counted, StringComparison.Ordinal);
}
