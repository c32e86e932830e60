using System.Diagnostics;
using System.Net;

namespace StrategyFlow.Testing;

/// <summary>
/// The built local host as its own process (<c>dotnet StrategyFlow.LocalHost.dll</c>), on a fixed free port
/// and data folder, so it can be killed and restarted onto the same state.
/// </summary>
public sealed class LocalHostServer(Uri baseUrl, string dataDirectory, string storageConnectionString, string opsKey) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly HttpClient _probe = CreateProbe(baseUrl, opsKey);
    private ChildProcess? _process;

    /// <summary>Extra environment for the next start, e.g. <c>STRATEGYFLOW_MAILBOX_FAULTS</c> or <c>LocalHost__Durable__…</c>.</summary>
    public Dictionary<string, string?> Environment { get; } = new();

    /// <summary>Another build of the host to run (the bench compares two); the repository's own by default.</summary>
    public string Assembly { get; init; } = RepositoryPaths.LocalHostAssembly;

    /// <summary>The local host's ops API: it answers 200 only once the durable runtime is up.</summary>
    public const string DefaultReadyPath = "/api/strategies?pageSize=1";

    /// <summary>Answers 200 (with the ops key) once the host is ready; another host on the same runtime (the bench's floor) has its own.</summary>
    public string ReadyPath { get; init; } = DefaultReadyPath;

    /// <summary>From process start until the ops API answered (the durable runtime is up), for the last start.</summary>
    public TimeSpan LastStartToReady { get; private set; }

    /// <summary>The last lines the host wrote.</summary>
    public string Output => _process?.Output ?? "";

    /// <summary>The running process's id, for reading its memory and CPU time.</summary>
    public int ProcessId => (_process ?? throw new InvalidOperationException("The local host is not running.")).Id;

    /// <summary>Starts the host and waits until it is ready: <see cref="ReadyPath"/> answers.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(Assembly))
        {
            throw new InvalidOperationException($"The local host is not built at {Assembly}.");
        }
        var environment = new Dictionary<string, string?>
        {
            ["STRATEGYFLOW_URL"] = baseUrl.GetLeftPart(UriPartial.Authority),
            ["STRATEGYFLOW_DATA"] = dataDirectory,
            ["STRATEGYFLOW_STORAGE"] = storageConnectionString,
            ["STRATEGYFLOW_OPS_KEY"] = opsKey,
            ["STRATEGYFLOW_MAILBOX_FAULTS"] = null,
            ["ASPNETCORE_URLS"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
        };
        foreach (var (name, value) in Environment)
        {
            environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        _process = ChildProcess.Start("dotnet", [Assembly], environment, RepositoryPaths.Root);
        var started = _process;
        await Poll.UntilAsync(
            async () =>
            {
                if (started.HasExited)
                {
                    throw new InvalidOperationException($"The local host exited ({started.ExitCode}):\n{started.Output}");
                }
                using var response = await _probe.GetAsync(ReadyPath);
                return response.StatusCode == HttpStatusCode.OK;
            },
            StartTimeout,
            () => $"the local host to become ready; its output:\n{started.Output}");
        LastStartToReady = clock.Elapsed;
    }

    /// <summary>kill -9: the process gets no chance to clean up.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>SIGTERM, then waits for the exit; returns how long the shutdown took and the exit code.</summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)> TerminateAsync(TimeSpan timeout)
    {
        var running = _process ?? throw new InvalidOperationException("The local host is not running.");
        var clock = Stopwatch.StartNew();
        running.Terminate();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await running.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The local host did not exit within {timeout.TotalSeconds} s of SIGTERM:\n{running.Output}");
        }
        return (clock.Elapsed, running.ExitCode);
    }

    public async Task RestartAsync()
    {
        Kill();
        _process?.Dispose();
        await StartAsync();
    }

    public void Dispose()
    {
        _process?.Dispose();
        _probe.Dispose();
    }

    private static HttpClient CreateProbe(Uri baseUrl, string opsKey)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Add("x-functions-key", opsKey);
        return client;
    }
}
