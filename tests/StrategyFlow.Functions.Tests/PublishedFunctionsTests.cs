using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Hosting;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Orchestration;
using Xunit.Abstractions;

namespace StrategyFlow.Functions.Tests;

/// <summary>What Azure indexes from the published app: every function, its trigger and its route.</summary>
public sealed class PublishedFunctionsTests(PublishedApp app, ITestOutputHelper output) : IClassFixture<PublishedApp>
{
    public sealed record HttpFunction(string Name, string Method, string Route, string AuthLevel, bool UsesDurableClient);

    /// <summary>docs/design.md §6 under the <c>api</c> route prefix: ops behind a function key, forms and health anonymous.</summary>
    private static readonly HttpFunction[] HttpFunctions =
    [
        new("StartStrategy", "post", "strategies", "function", true),
        new("ListStrategies", "get", "strategies", "function", true),
        new("GetStrategy", "get", "strategies/{id}", "function", true),
        new("CancelStrategy", "post", "strategies/{id}/cancel", "function", true),
        new("RemindPending", "post", "strategies/{id}/reminders", "function", true),
        new("GetStrategyDocument", "get", "strategies/{id}/document", "function", false),
        new("GetStrategyTimeline", "get", "strategies/{id}/timeline", "function", true),
        new("RevokeReaderAccess", "delete", "strategies/{id}/reader-access", "function", true),
        new("ShowForm", "get", "forms/{token}", "anonymous", true),
        new("SubmitForm", "post", "forms/{token}", "anonymous", true),
        new("DownloadStrategyDocument", "get", "forms/{token}/document", "anonymous", true),
        new("Health", "get", "health", "anonymous", false),
    ];

    /// <summary>The orchestrators and activities call each other by class name (nameof).</summary>
    private static readonly string[] Orchestrators = [nameof(StrategyOrchestrator)];

    private static readonly string[] Activities = [nameof(SendMail), nameof(PrepareReview), nameof(ApproveStage), nameof(ArchiveStrategy)];

    public static TheoryData<string> OrchestratorNames => [.. Orchestrators];

    public static TheoryData<string> ActivityNames => [.. Activities];

    public static TheoryData<string> HttpFunctionNames => [.. HttpFunctions.Select(f => f.Name)];

    /// <summary>Functions on a schedule.</summary>
    private static readonly string[] TimerFunctions = ["PurgeEndedHistory"];

    [Fact]
    public void Metadata_ListsExactlyTheOrchestratorsActivitiesHttpAndTimerFunctions()
    {
        output.WriteLine($"dotnet publish took {app.PublishTime.TotalSeconds:0.0} s.");
        var expected = Orchestrators.Concat(Activities).Concat(HttpFunctions.Select(f => f.Name)).Concat(TimerFunctions).Order(StringComparer.Ordinal);

        Assert.Equal(expected, app.Functions.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OrchestratorNames))]
    public void Orchestrator_IsTriggeredByItsOrchestration(string name) =>
        AssertOnlyBinding(name, "orchestrationTrigger");

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void Activity_IsTriggeredByItsActivity(string name) =>
        AssertOnlyBinding(name, "activityTrigger");

    [Fact]
    public void DurableTasks_EveryOneTheWorkflowDefines_IsPublished()
    {
        var tasks = typeof(StrategyOrchestrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Select(t => (t.Name, Trigger: typeof(ITaskOrchestrator).IsAssignableFrom(t) ? "orchestrationTrigger"
                : typeof(ITaskActivity).IsAssignableFrom(t) ? "activityTrigger" : null))
            .Where(t => t.Trigger is not null)
            .ToList();

        Assert.Equal(Orchestrators.Length + Activities.Length, tasks.Count);
        Assert.All(tasks, task => Assert.Equal(task.Trigger, Trigger(task.Name).GetProperty("type").GetString()));
    }

    [Theory]
    [MemberData(nameof(HttpFunctionNames))]
    public void HttpFunction_HasItsRouteMethodKeyAndBindings(string name)
    {
        var expected = HttpFunctions.Single(f => f.Name == name);
        var trigger = Trigger(name);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(expected.Route, trigger.GetProperty("route").GetString());
        Assert.Equal([expected.Method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
        Assert.Equal(expected.AuthLevel, trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());

        var others = Bindings(name).Where(b => !b.TryGetProperty("type", out var type) || type.GetString() != "httpTrigger")
            .Select(b => $"{b.GetProperty("type").GetString()} {b.GetProperty("direction").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected.UsesDurableClient ? ["durableClient In", "http Out"] : ["http Out"], others);
    }

    [Fact]
    public void PurgeEndedHistory_RunsHourlyWithADurableClient()
    {
        var trigger = Trigger("PurgeEndedHistory");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 17 * * * *", trigger.GetProperty("schedule").GetString());
        Assert.Contains(Bindings("PurgeEndedHistory"), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public async Task HttpRoutes_AreTheRoutesTheLocalHostMaps()
    {
        var prefix = RoutePrefix();
        var published = app.Functions.Keys.Select(Trigger)
            .Where(trigger => trigger.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(trigger => trigger.GetProperty("methods").EnumerateArray()
                .Select(method => $"{method.GetString()!.ToUpperInvariant()} {prefix}/{trigger.GetProperty("route").GetString()}"));

        Assert.Equal((await LocalHostRoutesAsync()).Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Functions_PointIntoThePublishedWorker()
    {
        using var worker = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(app.Folder, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(Path.Combine(app.Folder, description.GetProperty("defaultWorkerPath").GetString()!)));
        Assert.All(app.Functions.Values, f => Assert.Equal("StrategyFlow.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }

    [Fact]
    public void HostJson_IsTheRepositoryHostJson() =>
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(app.RepositoryRoot, "host.json")),
            File.ReadAllBytes(Path.Combine(app.Folder, "host.json")));

    /// <summary>
    /// With extended HTTP collection on (the default), the host's own Application Insights tracks each HTTP
    /// trigger with its full URL and an <c>HttpPath</c> property: the form token. Off, the host records the
    /// request under the function's name only. The worker's telemetry is redacted separately.
    /// </summary>
    [Fact]
    public void HostJson_HttpTriggerExtendedInfoCollection_IsOffSoTheHostRecordsNoFormUrls()
    {
        using var host = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(app.Folder, "host.json")));

        var setting = host.RootElement.GetProperty("logging").GetProperty("applicationInsights")
            .GetProperty("httpAutoCollectionOptions").GetProperty("enableHttpTriggerExtendedInfoCollection");

        Assert.Equal(JsonValueKind.False, setting.ValueKind);
    }

    [Fact]
    public void HostExtensions_IncludeDurableTaskWithItsAssembly()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(app.Folder, "extensions.json")));

        var durable = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.", durable.GetProperty("typeName").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.Folder, durable.GetProperty("hintPath").GetString()!)));
    }

    private void AssertOnlyBinding(string name, string type)
    {
        var binding = Assert.Single(Bindings(name));

        Assert.Equal(type, binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
    }

    private IEnumerable<JsonElement> Bindings(string name)
    {
        Assert.True(app.Functions.TryGetValue(name, out var function), $"{name} is not in functions.metadata.");
        return function.GetProperty("bindings").EnumerateArray();
    }

    private JsonElement Trigger(string name) =>
        Assert.Single(Bindings(name), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>extensions.http.routePrefix of the published host.json; Functions' default is <c>api</c>.</summary>
    private string RoutePrefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(app.Folder, "host.json")));
        return host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString()!
            : "api";
    }

    /// <summary>"METHOD route" for every endpoint of <see cref="StrategyFlowEndpoints"/>, as the local host maps them.</summary>
    private static async Task<IEnumerable<string>> LocalHostRoutesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddStrategyFlow(new ConfigurationBuilder().Build());
        builder.Services.AddSingleton<DurableTaskClient>(_ => throw new NotSupportedException("Only the routes are read."));
        await using var local = builder.Build();
        local.MapStrategyFlowOpsApi();
        local.MapStrategyFlowPublicApi();

        return ((IEndpointRouteBuilder)local).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods
                .Select(method => $"{method} {endpoint.RoutePattern.RawText!.Trim('/')}"))
            .ToList();
    }
}
