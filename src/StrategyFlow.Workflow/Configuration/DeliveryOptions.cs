using System.ComponentModel.DataAnnotations;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Configuration;

/// <summary>
/// <c>StrategyFlow:Delivery</c>: how mail and archive steps are retried while SendGrid or storage fails. A
/// strategy keeps the values it started with (they are part of its input), so a change never alters a run.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>The wait after the first failed attempt; it doubles after each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan FirstRetry { get; set; } = DeliveryPolicy.Default.FirstRetry;

    /// <summary>The longest wait between attempts: delivery resumes within this of an outage ending.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan MaxInterval { get; set; } = DeliveryPolicy.Default.MaxInterval;

    /// <summary>After this long failing, the owner is told once (if mail works for them).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan TellOwnerAfter { get; set; } = DeliveryPolicy.Default.TellOwnerAfter;

    public DeliveryPolicy Policy => new(FirstRetry, MaxInterval, TellOwnerAfter);
}
