// Placeholder until the core-docs branch lands.
using StrategyFlow.Core.Coherence;

namespace StrategyFlow.Core.Documents;

public sealed record StrategyDocument(StrategyHeader Strategy)
{
    public static StrategyDocument Create(StrategyHeader header, DocumentOutcome outcome, IReadOnlyList<ApprovedStage> stages, IReadOnlyList<DecisionRecord> decisions, IReadOnlyList<Finding> findings, DateTimeOffset archivedAt) => new(header);
}

public static class DocumentRenderer
{
    public static string ToJson(StrategyDocument d) => d.Strategy.Id;
    public static string ToMarkdown(StrategyDocument d) => d.Strategy.Id;
    public static string ToHtml(StrategyDocument d) => d.Strategy.Id;
}
