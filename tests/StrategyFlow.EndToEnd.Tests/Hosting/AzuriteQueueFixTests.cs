using Azure.Storage.Queues;

namespace StrategyFlow.EndToEnd.Tests.Hosting;

/// <summary>
/// scripts/azurite-queue-fix.cjs, which every Azurite the tests, the bench and scripts/run.sh start preloads into the
/// queue service: it must load against the installed Azurite, replace the method it means to, and keep the queue's
/// behaviour (expired messages go, the others stay).
/// </summary>
public sealed class AzuriteQueueFixTests
{
    [Fact]
    public async Task QueueFix_InstalledAzurite_LoadsAndReplacesTheExpiredMessageSweep()
    {
        const string Check = """
            const store = require(require("node:path").join(process.cwd(), "node_modules/azurite/dist/src/queue/persistence/LokiQueueMetadataStore.js")).default;
            process.exit(store.prototype.clearExpiredMessages.toString().includes("expired.length > 0") ? 0 : 3);
            """;
        using var node = ChildProcess.Start("node", ["--require", RepositoryPaths.AzuriteQueueFix, "-e", Check], new Dictionary<string, string?>(), RepositoryPaths.Root);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.WaitForExitAsync(deadline.Token);

        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}:\n{node.Output}");
    }

    [Fact]
    public async Task QueueFix_MessageOutlivesItsTimeToLive_IsRemovedAndTheOthersStay()
    {
        using var azurite = await AzuriteServer.StartAsync(location: null);
        var queue = new QueueClient(azurite.ConnectionString, "fix-check");
        await queue.CreateAsync();
        await queue.SendMessageAsync("expires", visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(1));
        await queue.SendMessageAsync("stays", visibilityTimeout: TimeSpan.FromHours(1), timeToLive: TimeSpan.FromDays(1));
        await queue.SendMessageAsync("visible");

        var left = await Poll.UntilAsync(
            async () => (await queue.PeekMessagesAsync(maxMessages: 32)).Value is { Length: 1 } peeked ? peeked : null,
            TimeSpan.FromSeconds(30),
            "the expired message to go");

        Assert.Equal("visible", left[0].Body.ToString());
        Assert.Equal(2, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
