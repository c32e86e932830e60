using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Coherence;

/// <summary>
/// Whether a draft may be approved: valid answers and no coherence error. The one rule the review
/// page and the approval activity both apply, so a draft the page accepts is a draft the workflow archives.
/// </summary>
public static class ApprovalGate
{
    /// <summary>The code of the error that stands for the draft's coherence errors (the findings name them).</summary>
    public const string CoherenceCode = "coherence";

    /// <summary>
    /// The draft's validation errors, and one more when coherence errors block it. The review page passes the
    /// stakeholders' <paramref name="conflicts"/>: an even split the approver has not chosen on blocks too.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(StageAnswer draft, StrategyContext context, out IReadOnlyList<Finding> findings, IReadOnlyList<Consolidation.Conflict>? conflicts = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var errors = AnswerValidator.Validate(draft, context).ToList();
        findings = CoherenceChecker.Check(draft, context, conflicts);
        if (findings.HasErrors())
        {
            errors.Add(new FieldError("draft", CoherenceCode, new LocalizedText(
                "Luonnoksessa on virheitä, jotka estävät hyväksynnän: korjaa ne tai palauta vaihe.",
                "The draft has errors that block approval: fix them or send the stage back.")));
        }

        return errors;
    }
}
