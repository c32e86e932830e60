using StrategyFlow.Core.Answers;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// What a stakeholder sees once their answer counted: what was saved, what happens next, until when it can be
/// changed, and the way back to the form (<paramref name="EditHref"/>, their own link).
/// </summary>
public sealed record AnswerReceiptModel(FormHeader Header, StageAnswer Answer, StrategyContext Context, string EditHref)
{
    /// <summary>False when this answer was the last one missing: the round has closed and nothing can be changed now.</summary>
    public bool RoundOpen { get; init; } = true;
}
