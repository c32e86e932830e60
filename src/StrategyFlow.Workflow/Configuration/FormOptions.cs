using System.ComponentModel.DataAnnotations;

namespace StrategyFlow.Workflow.Configuration;

/// <summary><c>StrategyFlow:Forms</c>: how a form post waits for the workflow to confirm it.</summary>
public sealed class FormOptions
{
    /// <summary>
    /// How long after raising an answer or a decision the handler first reads the strategy's status to see it counted.
    /// A read sooner cannot see it: the event still has to be dequeued and its episode committed (docs/benchmarks.md,
    /// "StrategyFlow ÷ floor": a read at once cost one storage operation per post and never settled it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan FirstConfirmationRead { get; set; } = TimeSpan.FromMilliseconds(100);
}
