using System.Text.Json.Serialization;

namespace StrategyFlow.Core.Framework;

/// <summary>The four stages of the inner cycle, in order. The number is the stage number (1-4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StageKey>))]
public enum StageKey
{
    [JsonStringEnumMemberName("goals")] Goals = 1,
    [JsonStringEnumMemberName("audiences")] Audiences = 2,
    [JsonStringEnumMemberName("activities")] Activities = 3,
    [JsonStringEnumMemberName("ownership")] Ownership = 4,
}

public static class StageKeys
{
    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<StageKey> InOrder { get; } =
        [StageKey.Goals, StageKey.Audiences, StageKey.Activities, StageKey.Ownership];

    public static int Number(this StageKey stage) => (int)stage;

    /// <summary>The key as it appears in URLs, JSON and blob names: <c>goals</c>, <c>audiences</c>, ...</summary>
    public static string Slug(this StageKey stage) => stage switch
    {
        StageKey.Goals => "goals",
        StageKey.Audiences => "audiences",
        StageKey.Activities => "activities",
        StageKey.Ownership => "ownership",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    public static bool TryParse(string? slug, out StageKey stage)
    {
        foreach (var candidate in InOrder)
        {
            if (string.Equals(candidate.Slug(), slug, StringComparison.Ordinal))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }

    public static bool TryFromNumber(int number, out StageKey stage)
    {
        stage = (StageKey)number;
        return number is >= 1 and <= 4;
    }
}
