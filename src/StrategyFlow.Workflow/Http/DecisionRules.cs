using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Documents;
using StrategyFlow.Workflow.Pages;

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
            errors.Add(new FieldError("comment", "tooLong", PageText.CommentTooLong));
        }

        if (decision == DecisionKind.ChangesRequested && comment.Length == 0)
        {
            errors.Add(new FieldError("comment", "required", PageText.CommentRequired));
        }

        if (decision == DecisionKind.Approved && draft is not null)
        {
            errors.AddRange(ApprovalGate.Check(draft, context, out var found, conflicts));
            findings = found;
        }

        return errors;
    }
}
