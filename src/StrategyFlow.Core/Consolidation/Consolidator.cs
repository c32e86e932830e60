using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Consolidation;

/// <summary>One stakeholder's answer, with who gave it (their email).</summary>
public sealed record ContributedAnswer(string Contributor, StageAnswer Answer);

/// <summary>
/// Several stakeholders' answers merged into one draft the approver edits: list items matched by
/// normalised title with their contributors, free-text answers kept per contributor, conflicts listed.
/// </summary>
public sealed record ConsolidatedDraft(
    StageKey Stage,
    StageAnswer Draft,
    IReadOnlyList<ItemContributors> Items,
    IReadOnlyList<ContributorResponses> Responses,
    IReadOnlyList<Conflict> Conflicts);

/// <summary>Who proposed one item. <paramref name="List"/> is the JSON list name (<c>goals</c>, <c>channelOwners</c>, ...).</summary>
public sealed record ItemContributors(string List, string Key, IReadOnlyList<string> Contributors);

public sealed record ContributorResponses(string Contributor, IReadOnlyList<string> Responses);

/// <summary>Stakeholders gave different values for one field of one item.</summary>
public sealed record Conflict(string List, string Key, string Field, IReadOnlyList<ConflictingValue> Values);

public sealed record ConflictingValue(string Value, IReadOnlyList<string> Contributors);

public static class Consolidator
{
    public static ConsolidatedDraft Consolidate(StageKey stage, IEnumerable<ContributedAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        throw new NotImplementedException($"Being written: issue 2 ({stage}).");
    }
}
