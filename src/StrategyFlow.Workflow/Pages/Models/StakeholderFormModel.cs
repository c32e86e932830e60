using StrategyFlow.Core.Answers;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// A stakeholder's form: <paramref name="Answer"/> prefills it (their previous answer, or what they just
/// posted when <paramref name="Errors"/> are shown); <paramref name="Blank"/> empty rows follow each list.
/// </summary>
public sealed record StakeholderFormModel(
    FormHeader Header,
    StageAnswer Answer,
    StrategyContext Context,
    string? SendBackComment,
    IReadOnlyList<FieldError> Errors,
    BlankRows? Blank = null)
{
    /// <summary>Who asked for the changes that opened this round (their name), and when.</summary>
    public ReviewActivity? SentBackBy { get; init; }
}
