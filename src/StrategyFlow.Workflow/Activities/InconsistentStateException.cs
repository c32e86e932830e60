namespace StrategyFlow.Workflow.Activities;

/// <summary>
/// State that contradicts itself (a bug, or storage changed by hand). The workflow keeps retrying
/// with back-off and shows the message to ops; it never ends a strategy on its own.
/// </summary>
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
