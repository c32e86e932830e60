using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// What an approver's post must hold: a comment within limits (required to send back), and for an approval a draft
/// the gate accepts, with every even split between the stakeholders (<c>conflicts</c>) chosen.
/// </summary>
internal static class DecisionRules
{
    public static IReadOnlyList<FieldError> Check(
        DecisionKind decision, string comment, StageAnswer? draft, StrategyContext context, IReadOnlyList<Core.Consolidation.Conflict>? conflicts, out IReadOnlyList<Finding>? findings)
    {
        var errors = new List<FieldError>();
        findings = null;
        if (comment.Length > Limits.Comment)
        {
            errors.Add(new FieldError("comment", "tooLong", new LocalizedText(
                $"Kommentti voi olla enintään {Limits.Comment} merkkiä.", $"The comment may be at most {Limits.Comment} characters.")));
        }

        if (decision == DecisionKind.ChangesRequested && comment.Length == 0)
        {
            errors.Add(new FieldError("comment", "required", new LocalizedText(
                "Kerro sidosryhmille, mitä pitää muuttaa.", "Tell the stakeholders what to change.")));
        }

        if (decision == DecisionKind.Approved && draft is not null)
        {
            errors.AddRange(ApprovalGate.Check(draft, context, out var found, conflicts));
            findings = found;
        }

        return errors;
    }
}
