using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Retention;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Retention;

/// <summary>Ended strategies' durable history goes after the retention period; the archive and running strategies stay.</summary>
public sealed class HistoryRetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(30);

    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> PurgeAsOfAsync(DateTimeOffset now, TimeSpan? keep = null) =>
        new HistoryRetention(
                Options.Create(new StrategyFlowOptions { Retention = new RetentionOptions { KeepEndedFor = keep ?? Keep } }),
                new FakeTimeProvider(now),
                NullLogger<HistoryRetention>.Instance)
            .PurgeEndedAsync(_host.Client, CancellationToken.None);

    /// <summary>Starts a strategy and cancels it in stage 1: it ends with its record archived.</summary>
    private async Task<StrategyOutcome> StartAndEndAsync(string id)
    {
        var definition = Samples.Definition(id);
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.Client.RaiseEventAsync(id, WorkflowEvents.CancelRequested, new CancelRequested("Loppu.", DateTimeOffset.UtcNow));
        return await _host.WaitForOutcomeAsync(id);
    }

    [Fact]
    public async Task Purge_EndedLongerThanTheRetention_RemovesItsInstancesAndKeepsTheArchiveAndTheRunningOnes()
    {
        var running = Samples.Definition("still-running");
        await _host.StartAsync(running);
        var outcome = await StartAndEndAsync("ended-long-ago");
        await _host.WaitForStageAsync(running.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        var tooSoon = await PurgeAsOfAsync(DateTimeOffset.UtcNow + Keep - TimeSpan.FromMinutes(1));
        var purged = await PurgeAsOfAsync(DateTimeOffset.UtcNow + Keep + TimeSpan.FromMinutes(1));

        Assert.Equal(0, tooSoon);
        Assert.Equal(1, purged);
        Assert.Null(await _host.Client.GetInstanceAsync("ended-long-ago"));
        Assert.NotNull(await _host.Repository.ReadArchiveAsync(outcome.Document.Json));
        Assert.NotNull(await _host.Client.GetInstanceAsync(running.Id));
    }

    [Fact]
    public async Task Purge_RetentionZero_KeepsEverything()
    {
        await StartAndEndAsync("kept-for-ever");

        var purged = await PurgeAsOfAsync(DateTimeOffset.UtcNow.AddYears(5), keep: TimeSpan.Zero);

        Assert.Equal(0, purged);
        Assert.NotNull(await _host.Client.GetInstanceAsync("kept-for-ever"));
    }

}
