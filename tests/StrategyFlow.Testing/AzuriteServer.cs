using System.Globalization;

namespace StrategyFlow.Testing;

/// <summary>Azurite on free ports, with its own data folder or in memory.</summary>
public sealed class AzuriteServer : IDisposable
{
    // Azurite's well-known development account: public, documented, not a secret.
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly IReadOnlyList<ChildProcess> _processes;

    private AzuriteServer(string? location, bool oneProcess, AzuritePreloads preloads)
    {
        if (!File.Exists(RepositoryPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.Azurite}: run `npm ci` in the repository root (scripts/test.sh does).");
        }
        string[] common = ["--silent", .. location is null ? ["--inMemoryPersistence"] : new[] { "--location", location }, "--skipApiVersionCheck", "--loose", "--disableTelemetry"];
        string[] blob = ["--blobPort", Port(BlobPort)], queue = ["--queuePort", Port(QueuePort)], table = ["--tablePort", Port(TablePort)];

        // Each Azurite service is single-threaded Node.js: as three processes they use three cores instead of one
        // (docs/benchmarks.md, "Azurite as three processes"). Each keeps its own files in the same folder.
        // The queue and table services get this repository's preloads (scripts/azurite-*.cjs) unless asked otherwise.
        var queuePreloads = preloads & AzuritePreloads.QueueFix;
        var tablePreloads = preloads & AzuritePreloads.TableIndex;
        _processes = oneProcess
            ? [Start("azurite", [.. common, .. blob, .. queue, .. table], Preloading(preloads))]
            : [
                Start("azurite-blob", [.. common, .. blob], Preloading(AzuritePreloads.None)),
                Start("azurite-queue", [.. common, .. queue], Preloading(queuePreloads)),
                Start("azurite-table", [.. common, .. table], Preloading(tablePreloads)),
            ];
    }

    public int BlobPort { get; } = FreePort.Next();

    public int QueuePort { get; } = FreePort.Next();

    public int TablePort { get; } = FreePort.Next();

    /// <summary>The processes' ids, for reading their memory and CPU time.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>The development account at these ports (e.g. a proxy's in front of Azurite).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";

    /// <summary>
    /// Starts Azurite keeping its data in <paramref name="location"/>, or in memory when null: a process per service, or
    /// all three in one process when <paramref name="oneProcess"/>; with the <paramref name="preloads"/> asked for (all of them
    /// unless said).
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(string? location, bool oneProcess = false, AzuritePreloads preloads = AzuritePreloads.All)
    {
        var azurite = new AzuriteServer(location, oneProcess, preloads);
        try
        {
            await Poll.UntilAsync(
                async () => azurite._processes.FirstOrDefault(p => p.HasExited) is { } exited
                    ? throw new InvalidOperationException($"Azurite exited ({exited.ExitCode}):\n{exited.Output}")
                    : await FreePort.IsListeningAsync(azurite.BlobPort) && await FreePort.IsListeningAsync(azurite.QueuePort)
                      && await FreePort.IsListeningAsync(azurite.TablePort),
                TimeSpan.FromSeconds(60),
                "Azurite to listen");
            return azurite;
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
    }

    private static Dictionary<string, string?> Preloading(AzuritePreloads preloads)
    {
        IEnumerable<string> scripts =
        [
            .. preloads.HasFlag(AzuritePreloads.QueueFix) ? [RepositoryPaths.AzuriteQueueFix] : Array.Empty<string>(),
            .. preloads.HasFlag(AzuritePreloads.TableIndex) ? [RepositoryPaths.AzuriteTableIndex] : Array.Empty<string>(),
        ];
        var options = string.Join(' ', scripts.Select(script => $"--require \"{script}\""));
        return options.Length == 0 ? [] : new() { ["NODE_OPTIONS"] = options };
    }

    private static ChildProcess Start(string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment) =>
        ChildProcess.Start(Path.Combine(RepositoryPaths.NodeCommands, command), arguments, environment, RepositoryPaths.Root);

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
