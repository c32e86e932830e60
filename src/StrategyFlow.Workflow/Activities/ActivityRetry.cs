using Microsoft.DurableTask;

namespace StrategyFlow.Workflow.Activities;

/// <summary>
/// Every activity is retried with exponential back-off (SendGrid 429/5xx, Blob 5xx, a host crash),
/// except for failures that retrying cannot fix.
/// </summary>
public static class ActivityRetry
{
    public static TaskOptions Options { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(
            maxNumberOfAttempts: 8,
            firstRetryInterval: TimeSpan.FromSeconds(2),
            backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(5))
        {
            HandleFailure = failure => !failure.IsCausedBy<PermanentFailureException>(),
        });
}

/// <summary>A failure that no retry can fix (a bug or corrupted state): the run fails and ops see it.</summary>
public sealed class PermanentFailureException : Exception
{
    public PermanentFailureException()
    {
    }

    public PermanentFailureException(string message)
        : base(message)
    {
    }

    public PermanentFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
