using StrategyFlow.Bench.Driving;
using StrategyFlow.Bench.Results;

namespace StrategyFlow.Bench.Tests;

/// <summary>The harness itself, at the smallest size: Azurite, proxy, local host and two strategies through all four stages.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Run_TwoStrategiesOneStakeholderInMemory_CompletesBothWithSaneNumbers()
    {
        var result = await RunTwoWithOneStakeholderAsync(new BenchOptions { Backend = "memory" });

        Assert.True(result.SubmissionsPerSecond > 0);
        Assert.Equal(result.Submissions, result.Latencies["formPost"].Count);
        Assert.True(result.Latencies["submissionToNextEmail"].P50 > 0);
        Assert.True(result.HostPeakRssMb >= result.HostIdleRssMb);
        Assert.True(result.StorageOpsPerStrategy["blob"] > 0, "the archive and submissions are blobs even on the in-memory backend");
    }

    [Fact]
    public async Task Run_FloorTwoInstancesOneStakeholder_SendsTheProductsEventsEachInItsOwnEpisode()
    {
        var result = await RunTwoWithOneStakeholderAsync(new BenchOptions { Workload = Workloads.Floor });

        // Each post waits until its event was counted, so no two share an episode; plus one start each.
        Assert.Equal(result.Submissions + 2, result.Episodes);
        Assert.True(result.PerHumanAction["queue"] > 0);
        Assert.True(result.PerHumanAction["table"] > 0);
    }

    /// <summary>Two strategies (or floor instances) with one stakeholder each, all completed with every post made.</summary>
    private static async Task<BenchResult> RunTwoWithOneStakeholderAsync(BenchOptions workload)
    {
        var options = workload with
        {
            Strategies = 2,
            Stakeholders = 1,
            IdleBaseline = TimeSpan.FromSeconds(2),
            Timeout = TimeSpan.FromSeconds(50),
        };

        var result = await BenchRunner.RunAsync(options, TextWriter.Null);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Completed);
        // Per strategy: 4 stages × (1 answer + 1 decision); strategy 0 sends stage 4 back once (+2).
        Assert.Equal(2 * 4 * 2 + 2, result.Submissions);
        return result;
    }

    [Fact]
    public void SendsBack_IsOneStageInTen()
    {
        var stages = Enumerable.Range(0, 100).SelectMany(i => Enumerable.Range(0, 4).Select(s => StrategyDriver.SendsBack(i, s)));

        Assert.Equal(40, stages.Count(b => b));
    }

    [Fact]
    public void Percentiles_NearestRank()
    {
        var p = Percentiles.Of(Enumerable.Range(1, 100).Select(i => (double)i));

        Assert.Equal((50, 95, 99, 100), (p.P50, p.P95, p.P99, p.Max));
    }
}
