using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Tests.Fakes;
using Xunit.Abstractions;

namespace StrategyFlow.Workflow.Tests.Orchestration;

/// <summary>A leaked link or a replaying client cannot grow a stage's history without end.</summary>
public sealed class IgnoredEventsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync(output);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stage_ManyIgnoredEvents_CountsThemAllAndKeepsOnlyTheLastFew()
    {
        var definition = Samples.Definition("ignored-bound");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        var sha = await _host.Repository.SaveAnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        var sent = 3 * StageLog.RecentIgnoredKept;

        for (var i = 0; i < sent; i++)
        {
            // Not a stakeholder of the strategy: ignored, and told apart by the address.
            await _host.Client.RaiseEventAsync(definition.Id, WorkflowEvents.AnswerSubmitted,
                new AnswerSubmitted(StageKey.Goals, 1, $"stranger{i}@elsewhere.example", sha, DateTimeOffset.UtcNow));
        }

        var status = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.IgnoredEvents == sent);
        Assert.Equal(
            Enumerable.Range(sent - StageLog.RecentIgnoredKept, StageLog.RecentIgnoredKept).Select(i => $"stranger{i}@elsewhere.example"),
            status.RecentIgnored.Select(e => e.Participant));
        Assert.All(status.RecentIgnored, e => Assert.Equal(IgnoreReasons.NotStakeholder, e.Reason));
        Assert.Empty(status.Answered);
    }
}
