using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using StrategyFlow.Testing;

namespace StrategyFlow.Bench.Storage;

/// <summary>
/// Sits between the host and Azurite, one loopback port per storage service, forwards every request
/// unchanged and counts it by service, operation (method plus the query's <c>comp</c>, or <c>$batch</c>) and
/// resource (the queue, table or container: whose traffic it is).
/// One request is one storage transaction, which is what Azure bills.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _forward = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private readonly ConcurrentDictionary<StorageOperation, long> _counts = new();
    private readonly Dictionary<int, (StorageService Service, string Target)> _routes = new();

    private CountingProxy(IReadOnlyDictionary<StorageService, int> azuritePorts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        foreach (var (service, targetPort) in azuritePorts)
        {
            var port = FreePort.Next();
            _routes[port] = (service, $"http://127.0.0.1:{targetPort}/");
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            foreach (var port in _routes.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        _app = builder.Build();
        _app.Run(ForwardAsync);
    }

    /// <summary>Starts on free ports; a port taken by another process between choosing and binding is chosen again.</summary>
    public static async Task<CountingProxy> StartAsync(IReadOnlyDictionary<StorageService, int> azuritePorts)
    {
        for (var attempt = 1; ; attempt++)
        {
            var proxy = new CountingProxy(azuritePorts);
            try
            {
                await proxy._app.StartAsync();
                return proxy;
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await proxy.DisposeAsync();
            }
        }
    }

    /// <summary>A connection string that sends the host's storage traffic through this proxy.</summary>
    public string ConnectionString
    {
        get
        {
            int Port(StorageService service) => _routes.Single(r => r.Value.Service == service).Key;
            return AzuriteServer.ConnectionStringFor(Port(StorageService.Blob), Port(StorageService.Queue), Port(StorageService.Table));
        }
    }

    /// <summary>Requests so far by service and operation, and the counters start again from zero.</summary>
    public StorageCounts TakeCounts()
    {
        var taken = new Dictionary<StorageOperation, long>();
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var value))
            {
                taken[key] = value;
            }
        }
        return new StorageCounts(taken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var (service, target) = _routes[context.Connection.LocalPort];
        var request = context.Request;
        _counts.AddOrUpdate(new StorageOperation(service, Operation(request), Resource(request)), 1, (_, n) => n + 1);

        // The raw target, byte for byte: the shared-key signature covers the path as the client encoded it.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target + rawTarget.TrimStart('/'), UriKind.Absolute));
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(request.Body);
        }
        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _forward.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>
    /// The queue, table or container after the account (<c>StrategyFlowHistory(…)</c> → <c>StrategyFlowHistory</c>);
    /// empty for the account itself and for a table batch, whose table is named only in its body.
    /// </summary>
    private static string Resource(HttpRequest request)
    {
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length < 2 || segments[1] == "$batch" ? "" : segments[1].Split('(')[0];
    }

    private static string Operation(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return $"{request.Method} $batch";
        }
        var comp = request.Query["comp"].ToString();
        if (path.EndsWith("/messages", StringComparison.Ordinal) || path.Contains("/messages/", StringComparison.Ordinal))
        {
            comp = "messages";
        }
        return comp.Length > 0 ? $"{request.Method} {comp}" : request.Method;
    }
}

/// <summary>One kind of storage request: e.g. table GET on StrategyFlowInstances.</summary>
public sealed record StorageOperation(StorageService Service, string Operation, string Resource)
{
    public override string ToString() => $"{Service.ToString().ToLowerInvariant()} {Operation} {Resource}".TrimEnd();
}

/// <summary>Storage requests counted over one period.</summary>
public sealed record StorageCounts(IReadOnlyDictionary<StorageOperation, long> ByResource)
{
    /// <summary>By service and operation, whatever the resource.</summary>
    public IReadOnlyDictionary<(StorageService Service, string Operation), long> ByOperation { get; } =
        ByResource.GroupBy(c => (c.Key.Service, c.Key.Operation)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

    public long Of(StorageService service) => ByOperation.Where(c => c.Key.Service == service).Sum(c => c.Value);

    public long Total => ByOperation.Values.Sum();

    /// <summary>
    /// Orchestration episodes: the backend commits each with one write (PATCH) of the instance's row. Counted here rather
    /// than from the history table, which keeps only the last generation of an instance that continued as new.
    /// </summary>
    public long EpisodeCommits => ByResource
        .Where(c => c.Key.Service == StorageService.Table && c.Key.Operation == "PATCH" && c.Key.Resource.EndsWith("Instances", StringComparison.Ordinal))
        .Sum(c => c.Value);
}
