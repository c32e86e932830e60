using System.Text.Json.Serialization;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Workflow.Strategies;

/// <summary>How approvers decide a stage: the first decision wins, or every approver must approve.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalPolicy>))]
public enum ApprovalPolicy
{
    [JsonStringEnumMemberName("any")] Any,
    [JsonStringEnumMemberName("all")] All,
}

/// <summary>Who takes part in one stage, and how it is approved. Emails are lower-case and unique.</summary>
public sealed record StagePlan(
    StageKey Stage,
    IReadOnlyList<Person> Stakeholders,
    IReadOnlyList<Person> Approvers,
    ApprovalPolicy Policy);

/// <summary>The rhythm of every round: how long people have, how often they are reminded.</summary>
public sealed record Timing(TimeSpan ResponseWindow, TimeSpan ReminderInterval, int MaxReminders, TimeSpan ApprovalWindow)
{
    public static Timing Default { get; } = new(TimeSpan.FromDays(5), TimeSpan.FromDays(1), 2, TimeSpan.FromDays(3));

    /// <summary>Reminder times after <paramref name="start"/> that fall before <paramref name="deadline"/>.</summary>
    public IReadOnlyList<DateTime> ReminderTimes(DateTime start, DateTime deadline)
    {
        var times = new List<DateTime>(MaxReminders);
        for (var i = 1; i <= MaxReminders; i++)
        {
            var at = start + (ReminderInterval * i);
            if (at >= deadline)
            {
                break;
            }

            times.Add(at);
        }

        return times;
    }
}

/// <summary>A validated strategy: the orchestration's input, and everything pages and emails need to know about it.</summary>
public sealed record StrategyDefinition(
    StrategyHeader Header,
    IReadOnlyList<StagePlan> Stages,
    Timing Timing)
{
    public string Id => Header.Id;

    public StagePlan Plan(StageKey stage) => Stages[stage.Number() - 1];

    /// <summary>Everyone who takes part, once each: stakeholders, approvers and the owner.</summary>
    public IReadOnlyList<Person> Everyone() =>
        Stages.SelectMany(s => s.Stakeholders.Concat(s.Approvers))
            .Append(Header.Owner)
            .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
