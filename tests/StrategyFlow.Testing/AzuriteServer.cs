using System.Globalization;

namespace StrategyFlow.Testing;

/// <summary>Azurite on free ports, with its own data folder or in memory.</summary>
public sealed class AzuriteServer : IDisposable
{
    // Azurite's well-known development account: public, documented, not a secret.
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;

    private AzuriteServer(string? location)
    {
        if (!File.Exists(RepositoryPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.Azurite}: run `npm ci` in the repository root (scripts/test.sh does).");
        }
        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        _process = ChildProcess.Start(
            RepositoryPaths.Azurite,
            ["--silent", .. storage, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
             "--blobPort", Port(BlobPort), "--queuePort", Port(QueuePort), "--tablePort", Port(TablePort)],
            new Dictionary<string, string?>(),
            RepositoryPaths.Root);
    }

    public int BlobPort { get; } = FreePort.Next();

    public int QueuePort { get; } = FreePort.Next();

    public int TablePort { get; } = FreePort.Next();

    /// <summary>The process id, for reading its memory and CPU time.</summary>
    public int ProcessId => _process.Id;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>The development account at these ports (e.g. a proxy's in front of Azurite).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";

    /// <summary>Starts Azurite keeping its data in <paramref name="location"/>, or in memory when null.</summary>
    public static async Task<AzuriteServer> StartAsync(string? location)
    {
        var azurite = new AzuriteServer(location);
        try
        {
            await Poll.UntilAsync(
                async () => azurite._process.HasExited
                    ? throw new InvalidOperationException($"Azurite exited ({azurite._process.ExitCode}):\n{azurite._process.Output}")
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

    public void Dispose() => _process.Dispose();

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
