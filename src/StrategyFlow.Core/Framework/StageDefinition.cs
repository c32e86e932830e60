namespace StrategyFlow.Core.Framework;

/// <summary>One success factor of the inner cycle: what the stage is about, what to ask, what to hold on to.</summary>
public sealed record StageDefinition(
    StageKey Key,
    LocalizedText Title,
    LocalizedText Guidance,
    IReadOnlyList<LocalizedText> Questions,
    LocalizedText Principle)
{
    public int Number => Key.Number();
}
