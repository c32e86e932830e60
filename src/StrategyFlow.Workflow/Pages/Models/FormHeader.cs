using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Pages;

/// <summary>What every form page says at the top: whose strategy, which stage and round, for whom, until when.</summary>
public sealed record FormHeader(
    Language Language,
    string Organization,
    string StrategyTitle,
    StageKey Stage,
    int Round,
    string ParticipantName,
    DateTimeOffset? Deadline);
