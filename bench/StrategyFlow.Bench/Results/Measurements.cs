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
    private readonly ConcurrentQueue<double> _formPost = new(), _formGet = new(), _approvalToInvitations = new();
    private readonly ConcurrentQueue<TimedSample> _submissionToNextEmail = new();
    private readonly ConcurrentQueue<DateTimeOffset> _posts = new();
    private readonly ConcurrentQueue<StrategySpan> _spans = new();
    private readonly ConcurrentQueue<MailWait> _mailWaits = new();
    private readonly ConcurrentQueue<DateTimeOffset> _startsTakenAfterRetry = new();
    private int _submissions, _inFlight, _completed, _failed, _earlyLinkRejections, _retries;

    /// <summary>When the run's clock started: minute 0 of the per-minute series.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Form GETs answered 403 right after the mail arrived, then 200 on a retry.</summary>
    public int EarlyLinkRejections => _earlyLinkRejections;

    public void EarlyLinkRejection() => Interlocked.Increment(ref _earlyLinkRejections);

    /// <summary>Requests a person made again because the host did not answer (it was down): reloads and re-posts.</summary>
    public int Retries => _retries;

    public void Retry() => Interlocked.Increment(ref _retries);

    public int Submissions => _submissions;

    public int InFlight => _inFlight;

    public int Completed => _completed;

    public int Failed => _failed;

    public IReadOnlyCollection<StrategySpan> Spans => _spans;

    public IReadOnlyCollection<TimedSample> SubmissionsToNextEmail => _submissionToNextEmail;

    /// <summary>When each form POST (or floor event post) was answered.</summary>
    public IReadOnlyCollection<DateTimeOffset> Posts => _posts;

    public IReadOnlyCollection<MailWait> MailWaits => _mailWaits;

    /// <summary>When each start that the host had not answered at first was finally taken (a kill caught it).</summary>
    public IReadOnlyCollection<DateTimeOffset> StartsTakenAfterRetry => _startsTakenAfterRetry;

    public void StartTakenAfterRetry() => _startsTakenAfterRetry.Enqueue(DateTimeOffset.UtcNow);

    public void FormPost(TimeSpan elapsed)
    {
        _formPost.Enqueue(elapsed.TotalMilliseconds);
        _posts.Enqueue(DateTimeOffset.UtcNow);
        Interlocked.Increment(ref _submissions);
    }

    public void FormGet(TimeSpan elapsed) => _formGet.Enqueue(elapsed.TotalMilliseconds);

    /// <summary>The round's last answer was posted at <paramref name="postedAt"/>; the next email was sent at <paramref name="sentAt"/>.</summary>
    public void SubmissionToNextEmail(DateTimeOffset postedAt, DateTimeOffset sentAt) =>
        _submissionToNextEmail.Enqueue(new(postedAt, (sentAt - postedAt).TotalMilliseconds));

    public void ApprovalToInvitations(TimeSpan elapsed) => _approvalToInvitations.Enqueue(elapsed.TotalMilliseconds);

    public void MailWaited(DateTimeOffset since, DateTimeOffset sentAt) => _mailWaits.Enqueue(new(since, sentAt));

    /// <summary>A strategy starts now; pass the returned time to <see cref="Ended"/>.</summary>
    public DateTimeOffset Started()
    {
        Interlocked.Increment(ref _inFlight);
        return DateTimeOffset.UtcNow;
    }

    public void Ended(DateTimeOffset started, bool succeeded)
    {
        _spans.Enqueue(new(started, DateTimeOffset.UtcNow, succeeded));
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref succeeded ? ref _completed : ref _failed);
    }

    public IReadOnlyDictionary<string, Percentiles> Latencies() => new Dictionary<string, Percentiles>
    {
        ["formPost"] = Percentiles.Of(_formPost),
        ["formGet"] = Percentiles.Of(_formGet),
        ["submissionToNextEmail"] = Percentiles.Of(_submissionToNextEmail.Select(s => s.Milliseconds)),
        ["approvalToInvitations"] = Percentiles.Of(_approvalToInvitations),
        // Start -> Completed mail of every completed strategy: its max is the slowest one, where starvation shows.
        ["strategyDuration"] = Percentiles.Of(_spans.Where(s => s.Succeeded).Select(s => (s.Ended - s.Started).TotalMilliseconds)),
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
