using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>
/// The form routes as the local host serves them (Kestrel, the shared endpoints, the local host's
/// appsettings.json log levels), with a real link, driven into their failure paths: nothing that reaches
/// the logs carries the token.
/// </summary>
[Collection(FormRouteLoggingTests.Alone)]
public sealed class FormRouteLoggingTests : IAsyncLifetime
{
    /// <summary>
    /// Runs after the parallel classes, alone: its Kestrel port must not race the ports the other classes'
    /// Durable Task test hosts pick and bind later.
    /// </summary>
    public const string Alone = nameof(FormRouteLoggingTests);

    private readonly LogRecorder _configured = new();
    private readonly LogRecorder.Unfiltered _everything = new();
    private readonly SwitchableBlobStore _blobs = new();
    private WorkflowHost _workflow = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _workflow = await WorkflowHost.StartAsync();
        var definition = Samples.Definition("logging");
        await _workflow.StartAsync(definition);
        await _workflow.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        _token = await WorkflowHost.WaitForAsync(
            () => Task.FromResult(_workflow.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Invitation)).LastOrDefault()?.Token), "invitation link");
        _blobs.Inner = _workflow.Blobs;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddJsonFile(LocalHostAppSettings(), optional: false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_configured);                       // filtered by appsettings.json, like the console
        builder.Logging.AddProvider(_everything);
        builder.Logging.AddFilter<LogRecorder.Unfiltered>(null, LogLevel.Trace); // sees every level, to prove the test can see a leak
        builder.Services.AddSingleton(_workflow.Client);
        builder.Services.AddSingleton(sp => new FormServices(
            _workflow.Services.GetRequiredService<LinkTokens>(), new StrategyRepository(_blobs), _workflow.Services.GetRequiredService<FreshLinks>(),
            TimeProvider.System, _workflow.Services.GetRequiredService<IOptions<StrategyFlowOptions>>(), sp.GetRequiredService<ILogger<FormServices>>()));
        _app = builder.Build();
        _app.MapStrategyFlowPublicApi();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _workflow.DisposeAsync();
    }

    [Fact]
    public async Task FormRoutes_FailurePaths_LogNoTokenAtTheLocalHostsLevels()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"/api/forms/{_token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync($"/api/forms/{_token[..^4]}AAAA")).StatusCode);
        using (var malformed = new StringContent("responses%5B0%5D=%ZZ&&&", System.Text.Encoding.UTF8, "multipart/form-data"))
        {
            await _http.PostAsync($"/api/forms/{_token}", malformed);
        }

        using (var huge = new FormUrlEncodedContent([KeyValuePair.Create("responses[0]", new string('x', (int)FormLimits.MaxBodyBytes + 1))]))
        {
            await _http.PostAsync($"/api/forms/{_token}", huge);
        }

        using (var incomplete = new FormUrlEncodedContent([KeyValuePair.Create("action", "submit")]))
        {
            await _http.PostAsync($"/api/forms/{_token}/", incomplete);
        }

        _blobs.Failing = true; // storage goes away: the handler logs an error and shows "try again"
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await SubmitAnswerAsync($"/api/forms/{_token}?lang=fi")).StatusCode);

        Assert.Contains(_configured.Records, r => r.Level == LogLevel.Error && r.Category == typeof(FormServices).FullName);
        Assert.All(_configured.Records, r => Assert.DoesNotContain(_token, r.Text, StringComparison.Ordinal));
        Assert.All(_configured.Records, r => Assert.True(
            r.Level >= LogLevel.Warning || r.Category.StartsWith("StrategyFlow", StringComparison.Ordinal) || r.Category == "Microsoft.Hosting.Lifetime",
            $"{r.Level} {r.Category}: {r.Text}"));
    }

    /// <summary>ASP.NET Core's request logs carry the full path: the local host's levels are what keep them out.</summary>
    [Fact]
    public async Task AspNetCoreRequestLogs_CarryThePath_SoAppSettingsKeepsThemBelowItsLevel()
    {
        await _http.GetAsync($"/api/forms/{_token}");

        Assert.Contains(_everything.Records, r => r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && r.Text.Contains(_token, StringComparison.Ordinal));
        Assert.DoesNotContain(_configured.Records, r => r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && r.Level < LogLevel.Warning);
    }

    /// <summary>
    /// Every log written during a request has ASP.NET Core's scope, whose RequestPath is the link: the local
    /// host's console must not print scopes (Application Insights does record them: the Functions worker redacts them).
    /// </summary>
    [Fact]
    public async Task RequestScope_CarriesThePath_SoTheLocalConsolePrintsNoScopes()
    {
        _blobs.Failing = true;
        await SubmitAnswerAsync($"/api/forms/{_token}");

        var error = Assert.Single(_configured.Records, r => r.Level == LogLevel.Error);
        Assert.Contains($"RequestPath=/api/forms/{_token}", error.Scopes, StringComparison.Ordinal);
        Assert.False(_app.Configuration.GetValue<bool>("Logging:Console:IncludeScopes"));
        Assert.False(_app.Configuration.GetValue<bool>("Logging:Console:FormatterOptions:IncludeScopes"));
    }

    /// <summary>A complete stage-1 answer: the handler stores it, so it needs storage.</summary>
    private async Task<HttpResponseMessage> SubmitAnswerAsync(string path)
    {
        using var answer = new FormUrlEncodedContent(FormApiTests.GoalAnswer("Lisää liidejä").Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await _http.PostAsync(path, answer);
    }

    private static string LocalHostAppSettings()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "src", "StrategyFlow.LocalHost", "appsettings.json");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new InvalidOperationException($"No src/StrategyFlow.LocalHost/appsettings.json above {AppContext.BaseDirectory}.");
    }

    /// <summary>Storage that can be switched off mid-test.</summary>
    private sealed class SwitchableBlobStore : IBlobStore
    {
        public IBlobStore Inner { get; set; } = null!;

        public bool Failing { get; set; }

        private IBlobStore Store => Failing ? throw new InvalidOperationException("Blob storage is unavailable.") : Inner;

        public Task<bool> WriteOnceAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
            Store.WriteOnceAsync(container, name, content, contentType, cancellationToken);

        public Task<BinaryData?> ReadAsync(string container, string name, CancellationToken cancellationToken = default) =>
            Store.ReadAsync(container, name, cancellationToken);

        public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
            Store.ExistsAsync(container, name, cancellationToken);

        public Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix, CancellationToken cancellationToken = default) =>
            Store.ListAsync(container, prefix, cancellationToken);
    }
}

[CollectionDefinition(FormRouteLoggingTests.Alone, DisableParallelization = true)]
public sealed class FormRouteLoggingCollection;
