using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>
/// Storage reads of a post's confirmation: each read of the strategy is a storage operation, and one made the moment
/// after the event was raised cannot see it counted (it still waits in the queue).
/// </summary>
public sealed class StageConfirmationTests
{
    [Fact]
    public async Task AwaitAsync_EventJustRaised_FirstReadOnlyAfterTheFirstReadDelay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = new ReadCountingClient(time);
        var firstRead = TimeSpan.FromMilliseconds(100);

        var waiting = StageConfirmation.AwaitAsync(client, "s-1", StageKey.Goals, time, firstRead, _ => true, CancellationToken.None);
        time.Advance(firstRead - TimeSpan.FromMilliseconds(1));
        Assert.Empty(client.ReadsAt);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => !client.ReadsAt.IsEmpty);
        Assert.Equal(time.GetUtcNow(), Assert.Single(client.ReadsAt));

        // Nothing shows the stage, so it keeps reading until its patience ran out, then says "not confirmed".
        while (!waiting.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Yield();
        }

        Assert.Null(await waiting);
    }

    [Fact]
    public async Task ReadUntilAsync_LinkJustOpened_ReadsAtOnce()
    {
        var time = new FakeTimeProvider();
        var client = new ReadCountingClient(time);

        await StageConfirmation.ReadUntilAsync(client, "s-1", time, StageConfirmation.CatchUp, _ => true, CancellationToken.None);

        Assert.Equal(time.GetUtcNow(), Assert.Single(client.ReadsAt));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The read did not happen within 5 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>A client that shows no instance and records when it was asked (on the test's clock).</summary>
    private sealed class ReadCountingClient(TimeProvider time) : DurableTaskClient("reads")
    {
        public ConcurrentQueue<DateTimeOffset> ReadsAt { get; } = new();

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        {
            ReadsAt.Enqueue(time.GetUtcNow());
            return Task.FromResult<OrchestrationMetadata?>(null);
        }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(
            TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
            throw new NotSupportedException();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
