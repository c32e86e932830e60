using Microsoft.DurableTask.Client;
using StrategyFlow.Workflow.Orchestration;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Reads a stage's own state after an event was raised, until it shows what became of the event: a
/// person is told "received" or "recorded" only for what the workflow counted. Gives up after
/// <see cref="Patience"/> (the caller then says the post is not confirmed yet).
/// </summary>
internal static class StageConfirmation
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>The first status for which <paramref name="settled"/> holds, or null after the patience ran out.</summary>
    public static async Task<StageStatus?> AwaitAsync(
        DurableTaskClient client, string instanceId, TimeProvider time, Func<StageStatus, bool> settled, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + Patience;
        for (var wait = FirstPoll; ; wait = wait * 2 < LongestPoll ? wait * 2 : LongestPoll)
        {
            var stage = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (StrategyState.Read<StageStatus>(stage?.SerializedCustomStatus) is { } status && settled(status))
            {
                return status;
            }

            if (time.GetUtcNow() >= giveUpAt)
            {
                return null;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>An event of this participant the stage ignored since <paramref name="since"/>, if any.</summary>
    public static IgnoredEvent? IgnoredSince(StageStatus status, string eventName, string participant, DateTimeOffset since) =>
        status.RecentIgnored.LastOrDefault(i => i.Event == eventName && i.Participant == participant && i.At >= since);
}
