using System.Reflection;

namespace StrategyFlow.Testing;

/// <summary>Where the built local host and the repository's tools are (recorded at build time).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The local host built in the same configuration as these tests.</summary>
    public static string LocalHostAssembly { get; } = Metadata("LocalHostAssembly");

    /// <summary>The commands of the Node packages <c>npm ci</c> installs from the repository's lockfile (scripts/lib/prerequisites.sh).</summary>
    public static string NodeCommands { get; } = Path.Combine(Root, "node_modules", ".bin");

    /// <summary>Azurite's command for all three services; <c>azurite-blob</c>, <c>-queue</c> and <c>-table</c> sit beside it.</summary>
    public static string Azurite { get; } = Path.Combine(NodeCommands, "azurite");

    /// <summary>The preload that removes the queue service's per-request index rebuild (the script says why).</summary>
    public static string AzuriteQueueFix { get; } = Path.Combine(Root, "scripts", "azurite-queue-fix.cjs");

    /// <summary>The preload that lets the table service's partition queries use its index (the script says why).</summary>
    public static string AzuriteTableIndex { get; } = Path.Combine(Root, "scripts", "azurite-table-index.cjs");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
