using System.Collections.Concurrent;

namespace StrategyFlow.Bench.Results;

/// <summary>What the drivers observe during a run; safe to record from many strategies at once.</summary>
public sealed class Measurements
{
    readonly ConcurrentQueue<double> formPost = new(), formGet = new(), submissionToNextEmail = new(), approvalToInvitations = new();
    int submissions, inFlight, completed, failed, earlyLinkRejections;

    /// <summary>Form GETs answered 403 right after the mail arrived, then 200 on a retry.</summary>
    public int EarlyLinkRejections => earlyLinkRejections;

    public void EarlyLinkRejection() => Interlocked.Increment(ref earlyLinkRejections);

    public int Submissions => submissions;

    public int InFlight => inFlight;

    public int Completed => completed;

    public int Failed => failed;

    public void FormPost(TimeSpan elapsed)
    {
        formPost.Enqueue(elapsed.TotalMilliseconds);
        Interlocked.Increment(ref submissions);
    }

    public void FormGet(TimeSpan elapsed) => formGet.Enqueue(elapsed.TotalMilliseconds);

    public void SubmissionToNextEmail(TimeSpan elapsed) => submissionToNextEmail.Enqueue(elapsed.TotalMilliseconds);

    public void ApprovalToInvitations(TimeSpan elapsed) => approvalToInvitations.Enqueue(elapsed.TotalMilliseconds);

    public void Started() => Interlocked.Increment(ref inFlight);

    public void Ended(bool succeeded)
    {
        Interlocked.Decrement(ref inFlight);
        Interlocked.Increment(ref succeeded ? ref completed : ref failed);
    }

    public IReadOnlyDictionary<string, Percentiles> Latencies() => new Dictionary<string, Percentiles>
    {
        ["formPost"] = Percentiles.Of(formPost),
        ["formGet"] = Percentiles.Of(formGet),
        ["submissionToNextEmail"] = Percentiles.Of(submissionToNextEmail),
        ["approvalToInvitations"] = Percentiles.Of(approvalToInvitations),
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
