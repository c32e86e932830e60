using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Coherence;

/// <summary>
/// Whether a draft may be approved: valid answers and no coherence error. The one rule the review
/// page and the approval activity both apply, so a draft the page accepts is a draft the workflow archives.
/// </summary>
public static class ApprovalGate
{
    public static IReadOnlyList<FieldError> Check(StageAnswer draft, StrategyContext context, out IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var errors = AnswerValidator.Validate(draft, context).ToList();
        findings = CoherenceChecker.Check(draft, context);
        if (findings.HasErrors())
        {
            errors.Add(new FieldError("draft", "coherence", new LocalizedText(
                "Luonnoksessa on virheitä, jotka estävät hyväksynnän: korjaa ne tai palauta vaihe.",
                "The draft has errors that block approval: fix them or send the stage back.")));
        }

        return errors;
    }
}
