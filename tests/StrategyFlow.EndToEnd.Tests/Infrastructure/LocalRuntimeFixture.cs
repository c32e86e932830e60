using System.Net.Http.Headers;

namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Azurite and the local host, started once for the test collection on free ports with their own
/// temporary folders, and torn down at the end (no process left behind, even when tests fail).
/// </summary>
public sealed class LocalRuntimeFixture : IAsyncLifetime
{
    public const string OpsKey = "end-to-end-ops-key";

    /// <summary>The development mailbox's SendGrid key (the local host's default).</summary>
    public const string MailApiKey = "SG.strategyflow-local-development-mailbox";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"strategyflow-e2e-{Guid.NewGuid():N}");
    private AzuriteServer? _azurite;
    private LocalHostServer? _host;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    /// <summary>The durable runtime's gRPC sidecar: its own loopback port, fixed so tests can knock on it.</summary>
    public int SidecarPort { get; } = FreePort.Next();

    /// <summary>SendGrid's Host option: the URL without a trailing slash.</summary>
    public string BaseUrlText => BaseUrl.GetLeftPart(UriPartial.Authority);

    public string StorageConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    /// <summary>The host's own data folder (mailbox, signing key).</summary>
    public string DataDirectory => Path.Combine(_root, "host");

    /// <summary>Anonymous client: public routes, the mailbox.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Client that sends the ops key in <c>x-functions-key</c>.</summary>
    public HttpClient OpsHttp { get; private set; } = null!;

    public LocalHostServer Host => _host ?? throw new InvalidOperationException("The local host is not running.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        try
        {
            _azurite = await AzuriteServer.StartAsync(Path.Combine(_root, "azurite"));
            _host = new LocalHostServer(BaseUrl, DataDirectory, _azurite.ConnectionString, OpsKey);
            // Failed mail and archive steps are retried within a second or two, so outages in tests pass quickly.
            _host.Environment["StrategyFlow__Delivery__FirstRetry"] = "00:00:00.5";
            _host.Environment["StrategyFlow__Delivery__MaxInterval"] = "00:00:01";
            _host.Environment["StrategyFlow__Delivery__TellOwnerAfter"] = "00:00:05";
            _host.Environment["LocalHost__Durable__SidecarPort"] = SidecarPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _host.StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        OpsHttp = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        OpsHttp.DefaultRequestHeaders.Add("x-functions-key", OpsKey);
        OpsHttp.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>kill -9 of the host: a crash.</summary>
    public void Kill() => Host.Kill();

    /// <summary>Kills the host if it runs and starts it again on the same port, data and storage.</summary>
    public Task RestartAsync() => Host.RestartAsync();

    public Task DisposeAsync()
    {
        Http?.Dispose();
        OpsHttp?.Dispose();
        _host?.Dispose();
        _azurite?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary folder is cleaned by the OS
        }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalRuntimeCollection : ICollectionFixture<LocalRuntimeFixture>
{
    public const string Name = "Local runtime";
}
