using Azure.Data.Tables;
using StrategyFlow.Bench.Results;

namespace StrategyFlow.Bench.Storage;

/// <summary>What the history table says about a run: how many events, and where the time went.</summary>
/// <param name="Events">History events of every instance (orchestrations and sub-orchestrations).</param>
/// <param name="Episodes">Orchestration episodes (one <c>OrchestratorStarted</c> event each): each is a history load, a replay and a commit.</param>
/// <param name="EventsByType">The events by <c>EventType</c>: activities scheduled, timers created, events raised, sub-orchestrations…</param>
/// <param name="MessageToEpisode">
/// Milliseconds from an inbound message's creation (event raised, activity or sub-orchestration finished,
/// instance started) to the commit of the episode that handled it: control-queue wait + history load + replay.
/// </param>
/// <param name="ActivityRoundTrip">Milliseconds from an activity's scheduling commit to its completion: work-item queue wait + run.</param>
/// <param name="EpisodeCommits">When each episode was committed (its <c>OrchestratorStarted</c> row's timestamp): progress over time.</param>
/// <param name="Work">
/// Every inbound message (made → its episode committed) and activity (scheduling committed → result made): which
/// work a crash caught in flight, and when it was done.
/// </param>
public sealed record HistoryAnalysis(
    long Events, long Episodes, IReadOnlyDictionary<string, long> EventsByType, Percentiles MessageToEpisode, Percentiles ActivityRoundTrip,
    IReadOnlyList<DateTimeOffset> EpisodeCommits, IReadOnlyList<WorkSpan> Work);

/// <summary>Reads the Durable Task Azure Storage history table (<c>{TaskHub}History</c>) straight from Azurite.</summary>
public static class HistoryTable
{
    // Events a message brings into an orchestration (their own timestamp is when the message was made).
    private static readonly HashSet<string> Inbound = new(StringComparer.Ordinal)
    {
        "EventRaised", "TaskCompleted", "TaskFailed", "SubOrchestrationInstanceCompleted", "SubOrchestrationInstanceFailed", "ExecutionStarted",
    };

    public static async Task<HistoryAnalysis> AnalyzeAsync(string azuriteConnectionString, string taskHub)
    {
        var table = new TableClient(azuriteConnectionString, taskHub + "History");
        long events = 0, episodes = 0;
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var messages = new List<WorkSpan>();
        var activities = new List<WorkSpan>();
        var scheduled = new Dictionary<(string Instance, int Id), DateTimeOffset>();
        var completed = new List<(string Instance, int Id, DateTimeOffset At)>();
        var commits = new List<DateTimeOffset>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "EventType", "EventId", "TaskScheduledId", "_Timestamp", "Timestamp"]))
        {
            if (string.Equals(row.RowKey, "sentinel", StringComparison.Ordinal))
            {
                continue;
            }
            events++;
            var type = row.GetString("EventType") ?? "";
            byType[type] = byType.GetValueOrDefault(type) + 1;
            if (type == "OrchestratorStarted")
            {
                episodes++;
                if (row.Timestamp is { } commit)
                {
                    commits.Add(commit);
                }
            }
            var created = row.GetDateTimeOffset("_Timestamp");
            if (created is null || row.Timestamp is not { } committed)
            {
                continue;
            }
            if (Inbound.Contains(type))
            {
                messages.Add(new(created.Value, committed));
            }
            if (type == "TaskScheduled" && row.GetInt32("EventId") is { } id)
            {
                scheduled[(row.PartitionKey, id)] = committed;
            }
            else if (type is "TaskCompleted" or "TaskFailed" && row.GetInt32("TaskScheduledId") is { } scheduledId)
            {
                completed.Add((row.PartitionKey, scheduledId, created.Value));
            }
        }
        foreach (var (instance, id, at) in completed)
        {
            if (scheduled.TryGetValue((instance, id), out var start))
            {
                activities.Add(new(start, at));
            }
        }
        static Percentiles Of(List<WorkSpan> spans) => Percentiles.Of(spans.Select(w => (w.Done - w.Start).TotalMilliseconds));
        return new HistoryAnalysis(events, episodes, byType, Of(messages), Of(activities), commits, [.. messages, .. activities]);
    }
}
