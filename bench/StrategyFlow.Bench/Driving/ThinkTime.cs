namespace StrategyFlow.Bench.Driving;

/// <summary>
/// How long a person takes before acting on an email: exponential with the given mean, as independent
/// arrivals of attention are. Each strategy draws from its own generator seeded by (seed, strategy index),
/// in a fixed order (per round: the stakeholders, then the approver), so a run's think times do not depend
/// on which strategy happens to go first.
/// </summary>
public sealed class ThinkTime(double meanSeconds, int seed)
{
    public double MeanSeconds => meanSeconds;

    /// <summary>The think times of one strategy's people, drawn in order.</summary>
    public Func<TimeSpan> For(int strategyIndex)
    {
        // CA5394: a benchmark's reproducible draws, not security.
#pragma warning disable CA5394
        // Not HashCode.Combine: it is seeded per process, and the draws must repeat from run to run.
        var random = new Random(unchecked((seed * 1_000_003) + strategyIndex) & int.MaxValue);
        return () => TimeSpan.FromSeconds(-meanSeconds * Math.Log(1 - random.NextDouble()));
#pragma warning restore CA5394
    }
}
