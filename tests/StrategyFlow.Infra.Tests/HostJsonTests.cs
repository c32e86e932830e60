using System.Globalization;
using System.Text.Json.Nodes;

namespace StrategyFlow.Infra.Tests;

/// <summary>host.json at the repository root, which the Functions project publishes.</summary>
public sealed class HostJsonTests
{
    private readonly JsonObject _host = Json.ReadObject("host.json");

    private JsonObject Extensions => _host["extensions"]!.AsObject();

    private JsonObject DurableTask => Extensions["durableTask"]!.AsObject();

    private JsonObject StorageProvider => DurableTask["storageProvider"]!.AsObject();

    [Fact]
    public void HostJson_Version_IsTwo() => Assert.Equal("2.0", (string?)_host["version"]);

    [Fact]
    public void DurableTask_Section_IsAtTheTopLevelOfExtensionsOnly()
    {
        Assert.NotNull(Extensions["durableTask"]);
        Assert.Null(_host["durableTask"]);
        var underLogging = PropertyNames(_host["logging"]!).ToList();
        Assert.DoesNotContain("durableTask", underLogging);
        Assert.DoesNotContain("extensions", underLogging);
    }

    [Fact]
    public void DurableTask_HubName_IsAValidStrategyFlowHub()
    {
        var hub = (string?)DurableTask["hubName"];

        Assert.Equal("StrategyFlow", hub);
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", hub); // task hub naming rule
    }

    [Fact]
    public void StorageProvider_Partitions_AreASmallFixedCount()
    {
        var partitions = (int)StorageProvider["partitionCount"]!;

        Assert.InRange(partitions, 1, 16);
    }

    [Fact]
    public void StorageProvider_MaxQueuePollingInterval_ParsesAndBeatsTheDefault()
    {
        var text = (string?)StorageProvider["maxQueuePollingInterval"];

        Assert.NotNull(text);
        var interval = TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture);
        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(29)); // the default is 30 s
    }

    [Fact]
    public void StorageProvider_QueueSettings_AreWithinTheProvidersLimits()
    {
        Assert.InRange((int)StorageProvider["controlQueueBatchSize"]!, 1, 32);
        Assert.Equal("AzureWebJobsStorage", (string?)StorageProvider["connectionName"]);
        foreach (var timeout in new[] { "controlQueueVisibilityTimeout", "workItemQueueVisibilityTimeout" })
        {
            var value = TimeSpan.ParseExact((string)StorageProvider[timeout]!, "c", CultureInfo.InvariantCulture);
            Assert.InRange(value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
        }
    }

    [Fact]
    public void DurableTask_Concurrency_IsBoundedPerInstance()
    {
        Assert.InRange((int)DurableTask["maxConcurrentActivityFunctions"]!, 1, 100);
        Assert.InRange((int)DurableTask["maxConcurrentOrchestratorFunctions"]!, 1, 100);
    }

    [Fact]
    public void DurableTask_Tracing_KeepsInputsAndOutputsOutOfLogs()
    {
        // Inputs carry email addresses and answers.
        Assert.False((bool)DurableTask["tracing"]!["traceInputsAndOutputs"]!);
        Assert.False((bool)DurableTask["storeInputsInOrchestrationHistory"]!);
    }

    [Fact]
    public void Logging_DurableTaskInternals_AreWarningsOnly()
    {
        var levels = _host["logging"]!["logLevel"]!.AsObject();

        Assert.Equal("Warning", (string?)levels["DurableTask.AzureStorage"]);
        Assert.Equal("Warning", (string?)levels["DurableTask.Core"]);
    }

    [Fact]
    public void Http_RoutePrefix_IsApi() => Assert.Equal("api", (string?)Extensions["http"]!["routePrefix"]);

    [Fact]
    public void FunctionTimeout_IsAValidDuration()
    {
        var timeout = TimeSpan.ParseExact((string)_host["functionTimeout"]!, "c", CultureInfo.InvariantCulture);

        Assert.InRange(timeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
    }

    private static IEnumerable<string> PropertyNames(JsonNode node) =>
        node is JsonObject obj
            ? obj.SelectMany(p => p.Value is null ? [p.Key] : PropertyNames(p.Value).Prepend(p.Key))
            : [];
}
