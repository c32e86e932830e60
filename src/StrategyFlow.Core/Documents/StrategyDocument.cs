using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
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
    DateTimeOffset CreatedAt);

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
