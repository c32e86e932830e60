using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Coherence;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

/// <summary>One coherence finding: a stable rule id, how serious, the item it concerns, and why.</summary>
public sealed record Finding(string RuleId, Severity Severity, StageKey Stage, string Subject, LocalizedText Message);

/// <summary>The checks of DESIGN §4, run on every consolidated draft. Errors block approval.</summary>
public static class CoherenceChecker
{
    public static IReadOnlyList<Finding> Check(StageAnswer draft, StrategyContext context, IReadOnlyList<Conflict>? conflicts = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        _ = conflicts;
        throw new NotImplementedException("Being written: issue 2.");
    }

    public static bool HasErrors(this IEnumerable<Finding> findings) => findings.Any(f => f.Severity == Severity.Error);
}
