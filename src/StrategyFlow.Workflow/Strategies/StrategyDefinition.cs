using System.Buffers.Text;
using System.Security.Cryptography;
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

/// <summary>
/// How the workflow retries what failed (mail, blobs): without end, waiting <see cref="FirstRetry"/>, then
/// twice as long each time up to <see cref="MaxInterval"/>; the owner is told once after <see cref="TellOwnerAfter"/>.
/// Part of the orchestration input, so a configuration change never alters a run's replay.
/// </summary>
public sealed record DeliveryPolicy(TimeSpan FirstRetry, TimeSpan MaxInterval, TimeSpan TellOwnerAfter)
{
    public static DeliveryPolicy Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));

    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt in a row.</summary>
    public TimeSpan Interval(int failures)
    {
        var wait = FirstRetry;
        for (var i = 1; i < failures && wait < MaxInterval; i++)
        {
            wait *= 2;
        }

        return wait < MaxInterval ? wait : MaxInterval;
    }
}

/// <summary>A validated strategy: the orchestration's input, and everything pages and emails need to know about it.</summary>
public sealed record StrategyDefinition(
    StrategyHeader Header,
    IReadOnlyList<StagePlan> Stages,
    Timing Timing)
{
    /// <summary>Set when the strategy starts (from <c>StrategyFlow:Delivery</c>); runs started without it use the default.</summary>
    public DeliveryPolicy Delivery { get; init; } = DeliveryPolicy.Default;

    public string Id => Header.Id;

    public StagePlan Plan(StageKey stage) => Stages[stage.Number() - 1];

    /// <summary>This definition for a run about to start: with a random run id of its own (96 bits).</summary>
    public StrategyDefinition AsNewRun() =>
        this with { Header = Header with { Run = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)) } };

    /// <summary>Everyone who takes part, once each: stakeholders, approvers and the owner.</summary>
    public IReadOnlyList<Person> Everyone() =>
        Stages.SelectMany(s => s.Stakeholders.Concat(s.Approvers))
            .Append(Header.Owner)
            .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
