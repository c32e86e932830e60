using System.Globalization;

namespace StrategyFlow.Bench.Results;

/// <summary>
/// One minute of a run (minute 0 starts when the first strategy does): strategies that arrived and ended in
/// it, those still in flight at its end, form posts answered in it, and submission → next email of the
/// rounds whose last answer was posted in it.
/// </summary>
public sealed record MinuteStats(
    int Minute, int Arrivals, int Completed, int Failed, int Backlog, int Posts,
    int SubmissionToNextEmailCount, double? SubmissionToNextEmailP50Ms, double? SubmissionToNextEmailP95Ms);

/// <summary>
/// Whether an open-loop run kept up: over the last <see cref="Targets.SteadyWindowMinutes"/> minutes of
/// arrivals (minutes <see cref="FirstMinute"/>..<see cref="LastMinute"/>) the backlog's least-squares slope is
/// at most <see cref="SlopeLimitPerMinute"/>, p95 submission → next email of the posts in those minutes is
/// under the target, and no strategy failed. <see cref="Steady"/> is null when there are fewer than two
/// minutes of arrivals to draw a slope through.
/// </summary>
public sealed record SteadyVerdict(
    int FirstMinute, int LastMinute, double? BacklogSlopePerMinute, double SlopeLimitPerMinute,
    double? SubmissionToNextEmailP95Ms, int Failed, bool? Steady, string Why);

/// <summary>The targets the bench reports against, in one place.</summary>
public static class Targets
{
    /// <summary>A burst completes, all of it, within this.</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromMinutes(20);

    /// <summary>p95 submission → next email, closed or open loop.</summary>
    public const double SubmissionToNextEmailP95Ms = 1000;

    /// <summary>After kill -9 of the host, in-flight work shows progress again within this.</summary>
    public static readonly TimeSpan Resume = TimeSpan.FromSeconds(30);

    /// <summary>Host memory per in-flight strategy, (peak − idle) / most in flight.</summary>
    public const double HostMbPerInFlightStrategy = 1.0;

    /// <summary>The open-loop verdict looks at this many last minutes of arrivals (after the ramp-up).</summary>
    public const int SteadyWindowMinutes = 5;

    /// <summary>
    /// Flat backlog: it grows by at most this share of the arrival rate per minute, i.e. completions keep up
    /// with at least 90 % of arrivals. Noise of a few strategies either way stays well inside it at 10/min and up.
    /// </summary>
    public const double BacklogSlopeShareOfRate = 0.1;
}

/// <summary>Per-minute series of a run and the open-loop verdict drawn from them.</summary>
public static class Timeline
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<MinuteStats> PerMinute(Measurements measurements, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        return PerMinute(measurements.StartedAt, measurements.Spans, measurements.SubmissionsToNextEmail, measurements.Posts, duration);
    }

    public static IReadOnlyList<MinuteStats> PerMinute(
        DateTimeOffset start, IEnumerable<StrategySpan> strategies, IEnumerable<TimedSample> submissionsToNextEmail, IEnumerable<DateTimeOffset> postsAnswered, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(submissionsToNextEmail);
        ArgumentNullException.ThrowIfNull(postsAnswered);
        int MinuteOf(DateTimeOffset at) => Math.Max(0, (int)((at - start) / Minute));
        var spans = strategies.ToList();
        var submissions = submissionsToNextEmail.ToLookup(s => MinuteOf(s.At));
        var posts = postsAnswered.CountBy(MinuteOf).ToDictionary();
        var arrivals = spans.CountBy(s => MinuteOf(s.Started)).ToDictionary();
        var completed = spans.Where(s => s.Succeeded).CountBy(s => MinuteOf(s.Ended)).ToDictionary();
        var failed = spans.Where(s => !s.Succeeded).CountBy(s => MinuteOf(s.Ended)).ToDictionary();
        var minutes = Math.Max(1, (int)Math.Ceiling(duration / Minute));
        var series = new List<MinuteStats>(minutes);
        var backlog = 0;
        for (var m = 0; m < minutes; m++)
        {
            var ended = completed.GetValueOrDefault(m) + failed.GetValueOrDefault(m);
            backlog += arrivals.GetValueOrDefault(m) - ended;
            var latency = Percentiles.Of(submissions[m].Select(s => s.Milliseconds));
            series.Add(new(
                m, arrivals.GetValueOrDefault(m), completed.GetValueOrDefault(m), failed.GetValueOrDefault(m), backlog, posts.GetValueOrDefault(m),
                latency.Count, latency.Count > 0 ? latency.P50 : null, latency.Count > 0 ? latency.P95 : null));
        }
        return series;
    }

    /// <summary>The verdict on an open-loop run of <paramref name="ratePerMinute"/> for <paramref name="arrivalMinutes"/> minutes.</summary>
    public static SteadyVerdict Judge(IReadOnlyList<MinuteStats> series, Measurements measurements, double ratePerMinute, double arrivalMinutes)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        return Judge(series, measurements.StartedAt, measurements.SubmissionsToNextEmail, measurements.Failed, ratePerMinute, arrivalMinutes);
    }

    public static SteadyVerdict Judge(
        IReadOnlyList<MinuteStats> series, DateTimeOffset start, IEnumerable<TimedSample> submissionsToNextEmail, int failed, double ratePerMinute, double arrivalMinutes)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(submissionsToNextEmail);
        var last = Math.Min(series.Count, (int)Math.Ceiling(arrivalMinutes)) - 1;
        var first = Math.Max(0, last - Targets.SteadyWindowMinutes + 1);
        var window = series.Skip(first).Take(last - first + 1).ToList();
        var limit = Math.Round(Targets.BacklogSlopeShareOfRate * ratePerMinute, 2);
        var samples = submissionsToNextEmail
            .Where(s => s.At - start >= first * Minute && s.At - start < (last + 1) * Minute)
            .Select(s => s.Milliseconds)
            .ToList();
        double? p95 = samples.Count > 0 ? Percentiles.Of(samples).P95 : null;
        if (window.Count < 2)
        {
            return new(first, last, null, limit, p95, failed, null, "not judged: fewer than 2 minutes of arrivals");
        }

        var slope = Slope(window.Select(m => (double)m.Minute).ToList(), window.Select(m => (double)m.Backlog).ToList());
        var reasons = new List<string>();
        if (slope > limit)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"backlog grows {slope:0.0}/min (limit {limit:0.0})"));
        }
        if (p95 is not { } p || p >= Targets.SubmissionToNextEmailP95Ms)
        {
            reasons.Add(p95 is { } q
                ? string.Create(CultureInfo.InvariantCulture, $"p95 submission -> next email {q:0} ms (limit {Targets.SubmissionToNextEmailP95Ms:0})")
                : "no submission -> next email in the window");
        }
        if (failed > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{failed} strategies failed"));
        }
        return new(first, last, Math.Round(slope, 2), limit, p95, failed, reasons.Count == 0, reasons.Count == 0 ? "steady" : string.Join("; ", reasons));
    }

    /// <summary>Least-squares slope of y over x.</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var mx = x.Average();
        var my = y.Average();
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        return sxx == 0 ? 0 : x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / sxx;
    }
}
