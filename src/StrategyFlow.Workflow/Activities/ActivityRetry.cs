using Microsoft.DurableTask;

namespace StrategyFlow.Workflow.Activities;

/// <summary>
/// Every activity is retried with exponential back-off (SendGrid 429/5xx, Blob 5xx, a host crash).
/// Activities are idempotent, so a retry is always safe.
/// </summary>
public static class ActivityRetry
{
    public static TaskOptions Options { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(
            maxNumberOfAttempts: 8,
            firstRetryInterval: TimeSpan.FromSeconds(2),
            backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(5)));
}

/// <summary>State that contradicts itself (a bug, or storage changed by hand): after the retries the run fails and ops see why.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
