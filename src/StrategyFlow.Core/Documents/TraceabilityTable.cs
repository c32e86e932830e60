using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Documents;

/// <summary>
/// Follows each approved goal to the activities that serve it, their channels and the owners named
/// in stage 4. References are matched like titles everywhere else (<see cref="TextKey"/>).
/// </summary>
public static class TraceabilityTable
{
    public static IReadOnlyList<TraceabilityRow> Build(IReadOnlyList<ApprovedStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var goals = ContentOf(stages, StageKey.Goals);
        var channels = ContentOf(stages, StageKey.Audiences).Channels;
        var activities = ContentOf(stages, StageKey.Activities).Activities;
        var ownership = ContentOf(stages, StageKey.Ownership);

        var rows = new List<TraceabilityRow>();
        foreach (var goal in goals.Goals)
        {
            var serving = activities.Where(a => a.Goals.Any(g => TextKey.Same(g, goal.Title))).ToArray();
            if (serving.Length == 0)
            {
                rows.Add(new TraceabilityRow(goal.BusinessGoal, goal.Title, "", "", "", ""));
                continue;
            }

            foreach (var activity in serving)
            {
                var activityOwner = Owners(ownership.ActivityOwners.Where(o => TextKey.Same(o.Activity, activity.Title)).Select(o => o.Owner));
                var channelNames = activity.Channels.Count == 0 ? [""] : activity.Channels;
                foreach (var reference in channelNames)
                {
                    var channel = channels.FirstOrDefault(c => TextKey.Same(c.Name, reference))?.Name ?? reference;
                    var channelOwner = reference.Length == 0
                        ? ""
                        : Owners(ownership.ChannelOwners.Where(o => TextKey.Same(o.Channel, reference)).Select(o => o.Owner));
                    rows.Add(new TraceabilityRow(goal.BusinessGoal, goal.Title, activity.Title, channel, channelOwner, activityOwner));
                }
            }
        }

        return rows;
    }

    private static StageAnswer ContentOf(IReadOnlyList<ApprovedStage> stages, StageKey key) =>
        stages.LastOrDefault(s => s.Stage == key)?.Content ?? StageAnswer.Empty(key);

    /// <summary>Usually one owner; when the approved draft still names several, all are shown.</summary>
    private static string Owners(IEnumerable<string> owners) =>
        string.Join(", ", owners.Where(o => !string.IsNullOrWhiteSpace(o)).DistinctBy(TextKey.Normalize));
}
