using System.Diagnostics;
using System.Text.Json;

namespace StrategyFlow.Functions.Tests;

/// <summary>
/// One <c>dotnet publish</c> of src/StrategyFlow.Functions per test class, into a temporary folder,
/// exactly as a deployment would build it (Release; the SDK also restores its WorkerExtensions project).
/// </summary>
public sealed class PublishedApp : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    public PublishedApp()
    {
        RepositoryRoot = FindRepositoryRoot();
        Folder = Directory.CreateTempSubdirectory("strategyflow-functions-").FullName;
        var watch = Stopwatch.StartNew();
        Publish(Path.Combine(RepositoryRoot, "src", "StrategyFlow.Functions"), Folder);
        PublishTime = watch.Elapsed;
        using var metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "functions.metadata")));
        Functions = metadata.RootElement.EnumerateArray().Select(f => f.Clone()).ToDictionary(f => f.GetProperty("name").GetString()!, StringComparer.Ordinal);
    }

    public string RepositoryRoot { get; }

    public string Folder { get; }

    public TimeSpan PublishTime { get; }

    /// <summary>functions.metadata by function name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Functions { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StrategyFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No StrategyFlow.sln above {AppContext.BaseDirectory}.");
    }

    private static void Publish(string project, string output)
    {
        // No build servers: they would outlive the publish and hold its redirected output open.
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-o", output, "-nologo", "--disable-build-servers" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test runs inside `dotnet test`: do not let its MSBuild settings leak into the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PublishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took longer than {PublishTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
