using System.Text.Json.Serialization;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Answers;

/// <summary>
/// One stage's content: the free-text answers to its guiding questions (in question order) and the
/// structured lists of that stage. A stakeholder's answer and an approver's consolidated draft have
/// this same shape; lists that belong to other stages stay empty.
/// </summary>
public sealed record StageAnswer
{
    public required StageKey Stage { get; init; }

    /// <summary>Free-text answers, one per guiding question of the stage, in order.</summary>
    public IReadOnlyList<string> Responses { get; init; } = [];

    // Stage 1: goals.
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    // Stage 2: audiences and channels.
    public IReadOnlyList<Audience> Audiences { get; init; } = [];
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    // Stage 3: activities.
    public IReadOnlyList<Activity> Activities { get; init; } = [];

    // Stage 4: ownership.
    public Person? OverallOwner { get; init; }
    public IReadOnlyList<ChannelOwner> ChannelOwners { get; init; } = [];
    public IReadOnlyList<ActivityOwner> ActivityOwners { get; init; } = [];
    public IReadOnlyList<Participant> Participants { get; init; } = [];

    public static StageAnswer Empty(StageKey stage) => new() { Stage = stage };
}

/// <summary>A social media goal and the business goal it supports.</summary>
public sealed record Goal(string Title, string BusinessGoal, string Metric, string Target);

[JsonConverter(typeof(JsonStringEnumConverter<AudiencePriority>))]
public enum AudiencePriority
{
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("low")] Low,
}

public sealed record Audience(string Name, string Description, AudiencePriority Priority);

/// <summary>A channel, the audiences (by name, from the same stage) it reaches, and why it is used.</summary>
public sealed record Channel(string Name, IReadOnlyList<string> Audiences, string Purpose);

/// <summary>A concrete activity, tied to approved goals and approved channels by title and name.</summary>
public sealed record Activity(
    string Title,
    string Description,
    IReadOnlyList<string> Goals,
    IReadOnlyList<string> Channels,
    string Cadence,
    string Metric,
    string ReviewEvery);

public sealed record Person(string Name, string Email);

/// <summary>Who owns an approved channel (owner is a person's name or email, or a unit).</summary>
public sealed record ChannelOwner(string Channel, string Owner);

public sealed record ActivityOwner(string Activity, string Owner);

/// <summary>A person or unit taking part in the social media work, and its role.</summary>
public sealed record Participant(string Who, string Role);
