using StrategyFlow.Bench.Driving;
using StrategyFlow.Bench.Results;

namespace StrategyFlow.Bench.Tests;

/// <summary>The per-minute series, the open-loop verdict, the crash analysis and the think times, on made-up runs.</summary>
public sealed class TimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    /// <summary>One arrival every 60/<paramref name="rate"/> s for <paramref name="minutes"/>, each taking <paramref name="lifetime"/>(i) seconds.</summary>
    private static List<StrategySpan> OpenLoop(double rate, int minutes, Func<int, double> lifetime) =>
        Enumerable.Range(0, (int)(rate * minutes)).Select(i => new StrategySpan(At(i * 60 / rate), At((i * 60 / rate) + lifetime(i)), true)).ToList();

    private static List<TimedSample> FastEmails(int minutes) => Enumerable.Range(0, minutes * 6).Select(i => new TimedSample(At(i * 10), 200)).ToList();

    [Fact]
    public void PerMinute_CountsArrivalsAndCompletionsAndCarriesTheBacklog()
    {
        // 6 per minute for 3 minutes, 90 s each: 9 in flight once it has ramped up.
        var series = Timeline.PerMinute(Start, OpenLoop(6, 3, _ => 90), [], [At(5), At(65), At(66)], TimeSpan.FromMinutes(4.5));

        Assert.Equal([0, 1, 2, 3, 4], series.Select(m => m.Minute));
        Assert.Equal([6, 6, 6, 0, 0], series.Select(m => m.Arrivals));
        Assert.Equal([0, 3, 6, 6, 3], series.Select(m => m.Completed));
        Assert.Equal([6, 9, 9, 3, 0], series.Select(m => m.Backlog));
        Assert.Equal([1, 2, 0, 0, 0], series.Select(m => m.Posts));
    }

    [Fact]
    public void Judge_FlatBacklogAndFastEmails_IsSteady()
    {
        var series = Timeline.PerMinute(Start, OpenLoop(10, 10, _ => 150), [], [], TimeSpan.FromMinutes(13));

        var verdict = Timeline.Judge(series, Start, FastEmails(10), failed: 0, ratePerMinute: 10, arrivalMinutes: 10);

        Assert.True(verdict.Steady, verdict.Why);
        Assert.Equal((5, 9, 0.0), (verdict.FirstMinute, verdict.LastMinute, verdict.BacklogSlopePerMinute));
    }

    [Fact]
    public void Judge_StrategiesTakingLongerAndLonger_IsNotSteady()
    {
        // Every strategy takes 6 s longer than the one before: completions fall behind arrivals.
        var series = Timeline.PerMinute(Start, OpenLoop(10, 10, i => 60 + (6 * i)), [], [], TimeSpan.FromMinutes(30));

        var verdict = Timeline.Judge(series, Start, FastEmails(10), failed: 0, ratePerMinute: 10, arrivalMinutes: 10);

        Assert.False(verdict.Steady);
        Assert.Contains("backlog grows", verdict.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SlowEmailsOrFailures_IsNotSteady()
    {
        var series = Timeline.PerMinute(Start, OpenLoop(10, 10, _ => 150), [], [], TimeSpan.FromMinutes(13));
        var slow = FastEmails(10).Select(s => s with { Milliseconds = 1500 });

        var verdict = Timeline.Judge(series, Start, slow, failed: 1, ratePerMinute: 10, arrivalMinutes: 10);

        Assert.False(verdict.Steady);
        Assert.Contains("p95", verdict.Why, StringComparison.Ordinal);
        Assert.Contains("1 strategies failed", verdict.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OneMinuteOfArrivals_IsNotJudged()
    {
        var series = Timeline.PerMinute(Start, OpenLoop(10, 1, _ => 30), [], [], TimeSpan.FromMinutes(2));

        Assert.Null(Timeline.Judge(series, Start, FastEmails(1), 0, 10, 1).Steady);
    }

    [Fact]
    public void Slope_OfALine_IsItsGradient()
    {
        Assert.Equal(2.5, Timeline.Slope([0, 1, 2, 3], [1, 3.5, 6, 8.5]), 6);
    }

    [Fact]
    public void CrashRecovery_MeasuresTheGapsAroundTheKillAndWhoWaitedForMailAcrossIt()
    {
        // Progress every second until the kill at 10 s; back at 14 s, then a 20 s stall until 34 s.
        var progress = Enumerable.Range(1, 9).Select(s => At(s)).Concat([At(14), At(15), At(34)]);
        MailWait[] waits = [new(At(8), At(25)), new(At(9), At(9.5)), new(At(12), At(13))];

        // An activity the dead host was running comes back after its 15 s visibility timeout; the others were not caught.
        WorkSpan[] work = [new(At(9), At(25)), new(At(8), At(9)), new(At(11), At(12)), new(At(9.9), At(14))];

        var crash = CrashRecovery.Analyze(Start, At(10), At(12.5), 7, progress, work, [At(5), At(13)], waits);

        Assert.Equal((10.0, 2.5, 7), (crash.KilledAtSeconds, crash.RestartSeconds, crash.InFlightAtKill));
        Assert.Equal((4.0, 19.0, 1.0), (crash.FirstProgressAfterKillSeconds!.Value, crash.LongestGapAfterKillSeconds!.Value, crash.LongestGapBeforeKillSeconds!.Value));
        Assert.Equal((2, 15_000.0), (crash.InFlightWorkAtKill.Count, crash.InFlightWorkAtKill.Max));
        Assert.Equal((1, 3_000.0), (crash.StartsCaught.Count, crash.StartsCaught.Max));
        Assert.Equal((1, 15_000.0), (crash.WaitingForMailAtKill.Count, crash.WaitingForMailAtKill.Max));
        Assert.True(crash.ResumedInTime);
    }

    [Fact]
    public void CrashRecovery_WorkCaughtLongerThanTheTarget_HasNotResumedInTime()
    {
        var crash = CrashRecovery.Analyze(Start, At(10), At(12), 1, [At(12), At(20), At(41)], [new(At(9), At(41))], [], []);

        Assert.Equal(21.0, crash.LongestGapAfterKillSeconds);
        Assert.False(crash.ResumedInTime);
    }

    [Fact]
    public void CrashRecovery_AStartTakenOnlyAfterItsClaimLapsed_HasNotResumedInTime()
    {
        var crash = CrashRecovery.Analyze(Start, At(10), At(12), 1, [At(12), At(20)], [], [At(130)], []);

        Assert.Equal(120_000.0, crash.StartsCaught.Max);
        Assert.False(crash.ResumedInTime);
    }

    [Fact]
    public void CrashRecovery_NoProgressAfterTheKill_HasNotResumed()
    {
        var crash = CrashRecovery.Analyze(Start, At(10), At(12), 1, [At(5)], [], [], []);

        Assert.Null(crash.FirstProgressAfterKillSeconds);
        Assert.False(crash.ResumedInTime);
    }

    [Fact]
    public void ThinkTime_SameSeedSameDraws_AndTheMeanIsTheMean()
    {
        var first = new ThinkTime(15, seed: 3).For(42);
        var again = new ThinkTime(15, seed: 3).For(42);
        var other = new ThinkTime(15, seed: 4).For(42);

        var draws = Enumerable.Range(0, 20_000).Select(_ => first().TotalSeconds).ToList();

        Assert.Equal(draws.Take(5), Enumerable.Range(0, 5).Select(_ => again().TotalSeconds));
        Assert.NotEqual(draws[0], other().TotalSeconds);
        Assert.InRange(draws.Average(), 14.5, 15.5);
        Assert.All(draws, d => Assert.True(d >= 0));
    }
}
