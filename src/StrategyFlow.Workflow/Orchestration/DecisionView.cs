using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Orchestration;

/// <summary>A decision as ops see it; the comment is shortened here and kept whole in the archive.</summary>
public sealed record DecisionView(
    StageKey Stage,
    int Round,
    string Approver,
    DecisionKind Decision,
    string Comment,
    DateTimeOffset At,
    string? ContentSha256 = null)
{
    public const int CommentLength = 280;

    public static DecisionView Of(DecisionRecord record) => new(
        record.Stage,
        record.Round,
        record.Approver,
        record.Decision,
        record.Comment.Length <= CommentLength ? record.Comment : string.Concat(record.Comment.AsSpan(0, CommentLength - 1), "…"),
        record.At,
        record.ContentSha256);
}
