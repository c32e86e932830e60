using System.Diagnostics;
using System.Xml.Linq;

namespace StrategyFlow.Infra.Tests;

/// <summary>
/// The real Bicep CLI: $BICEP (set by scripts/test.sh through ensure_bicep), else the version that
/// tools/bicep/bicep.csproj downloads, from the NuGet cache.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "Azure.Bicep.CommandLine.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Executable { get; } = Locate();

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>Everything the CLI printed; empty when it had nothing to say.</summary>
        public string Output => (StandardOutput + StandardError).Trim();
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {Executable}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BICEP");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new FileNotFoundException($"BICEP points to {fromEnvironment}, which does not exist.");
        }

        var project = XDocument.Load(Repository.PathOf("tools", "bicep", "bicep.csproj"));
        var version = project.Descendants("PackageDownload")
            .Single(e => (string?)e.Attribute("Include") == PackageId)
            .Attribute("Version")!.Value.Trim('[', ']');
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, PackageId.ToLowerInvariant(), version, "tools", "bicep");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Bicep {version} is not in the NuGet cache ({path}). Run `dotnet restore tools/bicep/bicep.csproj` or scripts/test.sh.");
    }
}
