using System.Collections.Concurrent;

namespace StrategyFlow.Bench.Results;

/// <summary>One strategy's life in the run: when its driver started it, when it ended, and how.</summary>
public sealed record StrategySpan(DateTimeOffset Started, DateTimeOffset Ended, bool Succeeded);

/// <summary>A latency sample and the wall-clock time of the action it follows (the post), for per-minute series.</summary>
public sealed record TimedSample(DateTimeOffset At, double Milliseconds);

/// <summary>A driver waited for mail from <paramref name="Since"/>; the awaited mail was sent at <paramref name="SentAt"/> (the latest, for several).</summary>
public sealed record MailWait(DateTimeOffset Since, DateTimeOffset SentAt);

/// <summary>
/// What the drivers observe during a run; safe to record from many strategies at once. Times are wall-clock
/// (UTC): the mailbox's <c>sentAt</c> and the history table's commits, which they are compared with, are too.
/// </summary>
public sealed class Measurements
{
    readonly ConcurrentQueue<double> formPost = new(), formGet = new(), approvalToInvitations = new();
    readonly ConcurrentQueue<TimedSample> submissionToNextEmail = new();
    readonly ConcurrentQueue<DateTimeOffset> posts = new();
    readonly ConcurrentQueue<StrategySpan> spans = new();
    readonly ConcurrentQueue<MailWait> mailWaits = new();
    readonly ConcurrentQueue<DateTimeOffset> startsTakenAfterRetry = new();
    int submissions, inFlight, completed, failed, earlyLinkRejections, retries;

    /// <summary>When the run's clock started: minute 0 of the per-minute series.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Form GETs answered 403 right after the mail arrived, then 200 on a retry.</summary>
    public int EarlyLinkRejections => earlyLinkRejections;

    public void EarlyLinkRejection() => Interlocked.Increment(ref earlyLinkRejections);

    /// <summary>Requests a person made again because the host did not answer (it was down): reloads and re-posts.</summary>
    public int Retries => retries;

    public void Retry() => Interlocked.Increment(ref retries);

    public int Submissions => submissions;

    public int InFlight => inFlight;

    public int Completed => completed;

    public int Failed => failed;

    public IReadOnlyCollection<StrategySpan> Spans => spans;

    public IReadOnlyCollection<TimedSample> SubmissionsToNextEmail => submissionToNextEmail;

    /// <summary>When each form POST (or floor event post) was answered.</summary>
    public IReadOnlyCollection<DateTimeOffset> Posts => posts;

    public IReadOnlyCollection<MailWait> MailWaits => mailWaits;

    /// <summary>When each start that the host had not answered at first was finally taken (a kill caught it).</summary>
    public IReadOnlyCollection<DateTimeOffset> StartsTakenAfterRetry => startsTakenAfterRetry;

    public void StartTakenAfterRetry() => startsTakenAfterRetry.Enqueue(DateTimeOffset.UtcNow);

    public void FormPost(TimeSpan elapsed)
    {
        formPost.Enqueue(elapsed.TotalMilliseconds);
        posts.Enqueue(DateTimeOffset.UtcNow);
        Interlocked.Increment(ref submissions);
    }

    public void FormGet(TimeSpan elapsed) => formGet.Enqueue(elapsed.TotalMilliseconds);

    /// <summary>The round's last answer was posted at <paramref name="postedAt"/>; the next email was sent at <paramref name="sentAt"/>.</summary>
    public void SubmissionToNextEmail(DateTimeOffset postedAt, DateTimeOffset sentAt) =>
        submissionToNextEmail.Enqueue(new(postedAt, (sentAt - postedAt).TotalMilliseconds));

    public void ApprovalToInvitations(TimeSpan elapsed) => approvalToInvitations.Enqueue(elapsed.TotalMilliseconds);

    public void MailWaited(DateTimeOffset since, DateTimeOffset sentAt) => mailWaits.Enqueue(new(since, sentAt));

    /// <summary>A strategy starts now; pass the returned time to <see cref="Ended"/>.</summary>
    public DateTimeOffset Started()
    {
        Interlocked.Increment(ref inFlight);
        return DateTimeOffset.UtcNow;
    }

    public void Ended(DateTimeOffset started, bool succeeded)
    {
        spans.Enqueue(new(started, DateTimeOffset.UtcNow, succeeded));
        Interlocked.Decrement(ref inFlight);
        Interlocked.Increment(ref succeeded ? ref completed : ref failed);
    }

    public IReadOnlyDictionary<string, Percentiles> Latencies() => new Dictionary<string, Percentiles>
    {
        ["formPost"] = Percentiles.Of(formPost),
        ["formGet"] = Percentiles.Of(formGet),
        ["submissionToNextEmail"] = Percentiles.Of(submissionToNextEmail.Select(s => s.Milliseconds)),
        ["approvalToInvitations"] = Percentiles.Of(approvalToInvitations),
        // Start -> Completed mail of every completed strategy: its max is the slowest one, where starvation shows.
        ["strategyDuration"] = Percentiles.Of(spans.Where(s => s.Succeeded).Select(s => (s.Ended - s.Started).TotalMilliseconds)),
    };
}

/// <summary>Nearest-rank percentiles in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new(0, 0, 0, 0, 0);
        }
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }
}
