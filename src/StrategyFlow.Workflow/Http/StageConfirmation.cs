using Microsoft.DurableTask.Client;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Status;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Reads a stage's own state until it shows what a person needs to see. After an event was raised: what
/// became of it, so a person is told "received" or "recorded" only for what the workflow counted. Before a
/// link is served: the round the link was mailed for, since the backend enqueues an episode's mail before it
/// commits that episode's state, so a fresh link can arrive a moment before its round shows.
/// </summary>
internal static class StageConfirmation
{
    /// <summary>How long a post waits for its event to be counted before the person is told it is not confirmed yet.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How long a link waits for the state of the round it was mailed for (the commit is milliseconds behind).</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    // At most a second between reads: under saturation an event takes seconds to count, and reads every 500 ms
    // doubled the storage's load from waiting posts (docs/benchmarks.md, burst of 1,000).
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The first status of <paramref name="stage"/> for which <paramref name="settled"/> holds, read from <paramref name="firstRead"/>
    /// after the event was raised, or null after the patience ran out.
    /// </summary>
    public static async Task<StageStatus?> AwaitAsync(
        DurableTaskClient client, string strategyId, StageKey stage, TimeProvider time, TimeSpan firstRead, Func<StageStatus, bool> settled, CancellationToken cancellationToken)
    {
        // The event was raised a moment ago: a read now would find it still in the queue.
        await Task.Delay(firstRead, time, cancellationToken);
        var strategy = await ReadUntilAsync(client, strategyId, time, Patience - firstRead, s => Of(s, stage) is { } status && settled(status), cancellationToken);
        return Of(strategy, stage) is { } last && settled(last) ? last : null;
    }

    /// <summary>
    /// A stage's status within its strategy's: live while the stage runs; once the strategy has moved past it,
    /// what it left (its decisions) as <see cref="StagePhase.Done"/>; null before it started.
    /// </summary>
    public static StageStatus? Of(OrchestrationMetadata? strategy, StageKey stage)
    {
        var progress = StrategyState.Read<StrategyProgress>(strategy?.SerializedCustomStatus);
        if (progress is null)
        {
            return null;
        }

        if (progress.Current is { } current && current.Key == stage)
        {
            return current;
        }

        if (progress.Stage < stage.Number() || (progress.Stage == stage.Number() && progress.Current is not null))
        {
            return null;
        }

        var decisions = progress.Decisions.Where(d => d.Stage == stage).ToList();
        return new StageStatus(
            stage.Number(), stage, decisions.Count == 0 ? 0 : decisions.Max(d => d.Round), StagePhase.Done, null, [], [], 0, false, 0, decisions, null);
    }

    /// <summary>Reads the strategy instance until <paramref name="settled"/> holds or <paramref name="patience"/> ran out; the last read either way.</summary>
    public static async Task<OrchestrationMetadata?> ReadUntilAsync(
        DurableTaskClient client, string instanceId, TimeProvider time, TimeSpan patience, Func<OrchestrationMetadata?, bool> settled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settled);
        var giveUpAt = time.GetUtcNow() + patience;
        for (var wait = FirstPoll; ; wait = wait * 2 < LongestPoll ? wait * 2 : LongestPoll)
        {
            var stage = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (settled(stage) || time.GetUtcNow() >= giveUpAt)
            {
                return stage;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>An event of this participant the stage ignored since <paramref name="since"/>, if any.</summary>
    public static IgnoredEvent? IgnoredSince(StageStatus status, string eventName, string participant, DateTimeOffset since) =>
        status.RecentIgnored.LastOrDefault(i => i.Event == eventName && i.Participant == participant && i.At >= since);
}
