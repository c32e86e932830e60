using System.Text.Json.Serialization;

namespace StrategyFlow.Workflow.Status;

/// <summary>One thing that happened to a strategy, and when. People are their email addresses.</summary>
public sealed record TimelineEvent(DateTimeOffset At, string Event)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Stage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Round { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Person { get; init; }

    /// <summary>The mail's kind (<c>Invitation</c>, <c>Reminder</c>, …) for <see cref="TimelineEvents.MailSent"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mail { get; init; }

    /// <summary><c>Approved</c>, <c>ChangesRequested</c> or <c>Rejected</c> for <see cref="TimelineEvents.Decision"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Decision { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Comment { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }
}
