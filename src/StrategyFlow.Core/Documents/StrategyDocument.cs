using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Documents;

/// <summary>What the strategy is: set when it starts and never changed.</summary>
public sealed record StrategyHeader(
    string Id,
    string Organization,
    string Title,
    Language Language,
    Person Owner,
    IReadOnlyList<string> BusinessGoals,
    DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The random id of this run, given when it starts. Personal links carry it, so a strategy id started
    /// again never accepts an earlier run's links. Null for runs started before runs had one; never archived.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Run { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    Approved,
    ChangesRequested,
    Rejected,
}

/// <summary>One approver's decision on one round of one stage; the hash is of the content they decided on.</summary>
public sealed record DecisionRecord(
    StageKey Stage,
    int Round,
    string Approver,
    DecisionKind Decision,
    string Comment,
    DateTimeOffset At,
    string? ContentSha256);

/// <summary>A stage as approved: the content, who contributed, and the hash recorded with the approval.</summary>
public sealed record ApprovedStage(
    StageKey Stage,
    int Round,
    StageAnswer Content,
    IReadOnlyList<string> Contributors,
    string ContentSha256,
    DateTimeOffset ApprovedAt,
    IReadOnlyList<string> ApprovedBy);

/// <summary>How a strategy ended: the archive keeps a record of every end, not just approval.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentOutcome>))]
public enum DocumentOutcome
{
    Approved,
    Rejected,
    Cancelled,
}

/// <summary>
/// One line of the goal → activity → channel → owner table. Empty strings are empty cells: a goal
/// that no activity serves still has its row, so the gap is visible.
/// </summary>
public sealed record TraceabilityRow(
    string BusinessGoal,
    string Goal,
    string Activity,
    string Channel,
    string ChannelOwner,
    string ActivityOwner);

/// <summary>
/// The archived strategy: what was approved per stage and by whom, every decision, the traceability
/// table and the coherence findings. Serialised as <c>strategy.json</c>; <see cref="SchemaVersion"/>
/// changes whenever the shape does.
/// </summary>
public sealed record StrategyDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required StrategyHeader Strategy { get; init; }

    public required DocumentOutcome Outcome { get; init; }

    /// <summary>The approved stages in stage order; a rejected or cancelled strategy has fewer than four.</summary>
    public required IReadOnlyList<ApprovedStage> Stages { get; init; }

    /// <summary>Every decision in the order it was made, including requests for changes.</summary>
    public required IReadOnlyList<DecisionRecord> Decisions { get; init; }

    public required IReadOnlyList<TraceabilityRow> Traceability { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required DateTimeOffset ArchivedAt { get; init; }

    /// <summary>Why a rejected or cancelled strategy ended: the rejection comment or the reason for cancelling; absent when none was given.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    public static StrategyDocument Create(
        StrategyHeader header,
        DocumentOutcome outcome,
        IReadOnlyList<ApprovedStage> stages,
        IReadOnlyList<DecisionRecord> decisions,
        IReadOnlyList<Finding> findings,
        DateTimeOffset archivedAt,
        string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(findings);
        var ordered = stages.OrderBy(s => s.Stage).ToArray();
        return new StrategyDocument
        {
            Strategy = header with { Run = null }, // the document describes the strategy, not the run that made it
            Outcome = outcome,
            Stages = ordered,
            Decisions = [.. decisions],
            Traceability = TraceabilityTable.Build(ordered),
            Findings = [.. findings],
            ArchivedAt = archivedAt,
            Reason = outcome == DocumentOutcome.Approved || string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
    }

    /// <summary>The approved content of one stage, when it was approved.</summary>
    public ApprovedStage? StageOf(StageKey key) => Stages.LastOrDefault(s => s.Stage == key);
}
