namespace StrategyFlow.Bench.Tests;

/// <summary>The open-loop, think-time, kill and find-rate options of scripts/bench.sh.</summary>
public sealed class OpenLoopOptionsTests
{
    [Fact]
    public void Parse_ArrivalRate_StartsRateTimesDurationStrategies()
    {
        var run = Assert.Single(BenchOptions.Parse(["--arrival-rate", "12", "--duration", "2.5", "--think-time", "15", "--seed", "7"]));

        Assert.Equal((12.0, 2.5, 30), (run.ArrivalRate, run.ArrivalMinutes, run.Strategies));
        Assert.Equal((15.0, 7), (run.ThinkTime, run.Seed));
    }

    [Fact]
    public void Parse_ArrivalRateNotAWholeNumberOfStrategies_RoundsUpSoTheLastArrivesBeforeTheEnd()
    {
        // Arrivals at 0, 40, 80 s: all three within the 2 minutes.
        Assert.Equal(3, BenchOptions.Parse(["--arrival-rate", "1.5", "--duration", "2"])[0].Strategies);
    }

    [Fact]
    public void Parse_ThinkTimeOnABurst_IsAllowedAndZeroMeansAtOnce()
    {
        var run = Assert.Single(BenchOptions.Parse(["--strategies", "5", "--think-time", "0"]));

        Assert.Equal((5, 0.0), (run.Strategies, run.ThinkTime));
        Assert.Null(run.ArrivalRate);
    }

    [Theory]
    [InlineData("--arrival-rate", "10")]
    [InlineData("--duration", "10")]
    [InlineData("--arrival-rate", "10", "--duration", "10", "--strategies", "5")]
    [InlineData("--arrival-rate", "10", "--find-rate", "10,20", "--duration", "10")]
    [InlineData("--arrival-rate", "10", "--duration", "10", "--floor")]
    [InlineData("--kill-after", "30", "--backend", "memory")]
    [InlineData("--kill-after", "30", "--floor")]
    [InlineData("--find-rate", "10,20", "--duration", "10", "--versus", "A:B=1")]
    public void Parse_OptionsThatDoNotGoTogether_AreRejected(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(args));
    }

    [Fact]
    public void Parse_FindRate_RunsEachRateLowestFirstAndStopsAtTheFirstUnsteady()
    {
        var runs = BenchOptions.Parse(["--find-rate", "20, 10", "--duration", "10", "--think-time", "15"]);

        Assert.Equal([10.0, 20.0], runs.Select(r => r.ArrivalRate!.Value));
        Assert.Equal([100, 200], runs.Select(r => r.Strategies));
        Assert.All(runs, r => Assert.True(r.StopWhenUnsteady));
        Assert.All(runs, r => Assert.Equal(15.0, r.ThinkTime));
    }

    [Fact]
    public void Parse_KillAfter_OnAzurite_KillsThatManySecondsIn()
    {
        var run = Assert.Single(BenchOptions.Parse(["--strategies", "20", "--kill-after", "30"]));

        Assert.Equal(TimeSpan.FromSeconds(30), run.KillAfter);
    }
}

/// <summary>
/// The open-loop mode end to end at the smallest size: two strategies two seconds apart, two stakeholders
/// answering concurrently after a think time. Its own class, so it runs beside the other smoke runs.
/// </summary>
public sealed class OpenLoopSmokeTests
{
    [Fact]
    public async Task Run_TwoArrivalsWithThinkTimeInMemory_CompletesBothAndReportsTheMinutes()
    {
        var options = Assert.Single(BenchOptions.Parse(
        [
            "--backend", "memory", "--arrival-rate", "30", "--duration", "0.05", "--think-time", "0.2", "--stakeholders", "2",
            "--idle-seconds", "2", "--timeout-minutes", "1",
        ]));

        var result = await BenchRunner.RunAsync(options, TextWriter.Null);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Completed);
        // 4 stages × (2 answers + 1 decision) each; strategy 0 sends its last stage back once (+3).
        Assert.Equal((2 * 4 * 3) + 3, result.Submissions);
        Assert.Equal(0, result.MailDeliveredTwice);
        Assert.Equal(2, result.Latencies["strategyDuration"].Count);
        Assert.Equal(2, result.Minutes.Sum(m => m.Arrivals));
        Assert.Equal(2, result.Minutes.Sum(m => m.Completed));
        Assert.Equal(0, result.Minutes[^1].Backlog);
        Assert.Equal(result.Submissions, result.Minutes.Sum(m => m.Posts));
        Assert.Null(result.Steady!.Steady); // under a minute of arrivals: no slope to judge
    }
}
