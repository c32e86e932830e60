using System.Reflection;

namespace StrategyFlow.Bench;

/// <summary>Where the built local host and the repository's tools are (recorded at build time).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The local host built in the same configuration as the bench.</summary>
    public static string LocalHostAssembly { get; } = Metadata("LocalHostAssembly");

    static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
