using System.Text.Json.Serialization;
using StrategyFlow.Core.Documents;
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
    string? SendBackComment);

/// <summary>A decision as ops see it; the comment is shortened here and kept whole in the archive.</summary>
public sealed record DecisionView(
    StageKey Stage,
    int Round,
    string Approver,
    DecisionKind Decision,
    string Comment,
    DateTimeOffset At)
{
    public const int CommentLength = 280;

    public static DecisionView Of(DecisionRecord record) => new(
        record.Stage,
        record.Round,
        record.Approver,
        record.Decision,
        record.Comment.Length <= CommentLength ? record.Comment : string.Concat(record.Comment.AsSpan(0, CommentLength - 1), "…"),
        record.At);
}

/// <summary>The strategy orchestration's custom status: which stage runs, and the decisions of finished stages.</summary>
public sealed record StrategyProgress(int Stage, StagePhase Phase, IReadOnlyList<DecisionView> Decisions);
