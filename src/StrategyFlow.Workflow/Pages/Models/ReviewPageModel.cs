using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;

namespace StrategyFlow.Workflow.Pages;

/// <summary>An approver's review page: every answer, the editable consolidated <paramref name="Draft"/>, the findings.</summary>
public sealed record ReviewPageModel(
    FormHeader Header,
    IReadOnlyList<ContributedAnswer> Answers,
    IReadOnlyList<string> NotAnswered,
    ConsolidatedDraft Consolidated,
    StageAnswer Draft,
    IReadOnlyList<Finding> Findings,
    StrategyContext Context,
    IReadOnlyList<FieldError> Errors,
    string Comment,
    BlankRows? Blank = null)
{
    /// <summary>The hash of <see cref="Draft"/> as the workflow holds it: posted back with an approval.</summary>
    public string? DraftSha256 { get; init; }

    /// <summary>The other approvers' decisions and comments this round, and their edits of the draft.</summary>
    public IReadOnlyList<ReviewActivity> Activity { get; init; } = [];

    /// <summary>Why the page is shown again (e.g. the draft changed meanwhile).</summary>
    public string? Notice { get; init; }

    /// <summary>Stakeholders' names by email: answers are headed by the person, not the address.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
}
