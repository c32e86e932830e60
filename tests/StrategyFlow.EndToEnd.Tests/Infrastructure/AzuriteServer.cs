namespace StrategyFlow.EndToEnd.Tests.Infrastructure;

/// <summary>Azurite on free ports with its own temporary data folder.</summary>
public sealed class AzuriteServer : IDisposable
{
    // Azurite's well-known development account: public, documented, not a secret.
    const string Account = "devstoreaccount1";
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly ChildProcess process;
    readonly int blobPort = FreePort.Next(), queuePort = FreePort.Next(), tablePort = FreePort.Next();

    AzuriteServer(string location)
    {
        if (!File.Exists(RepositoryPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.Azurite}: run `npm ci` in the repository root (scripts/test.sh does).");
        }
        process = ChildProcess.Start(
            RepositoryPaths.Azurite,
            ["--silent", "--location", location, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
             "--blobPort", Port(blobPort), "--queuePort", Port(queuePort), "--tablePort", Port(tablePort)],
            new Dictionary<string, string?>(),
            RepositoryPaths.Root);
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";

    public static async Task<AzuriteServer> StartAsync(string location)
    {
        var azurite = new AzuriteServer(location);
        try
        {
            await Poll.UntilAsync(
                async () => azurite.process.HasExited
                    ? throw new InvalidOperationException($"Azurite exited ({azurite.process.ExitCode}):\n{azurite.process.Output}")
                    : await FreePort.IsListeningAsync(azurite.blobPort) && await FreePort.IsListeningAsync(azurite.queuePort)
                      && await FreePort.IsListeningAsync(azurite.tablePort),
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

    public void Dispose() => process.Dispose();

    static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
