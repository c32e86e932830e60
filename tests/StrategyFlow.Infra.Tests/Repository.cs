namespace StrategyFlow.Infra.Tests;

/// <summary>Paths in the repository under test, found from the test assembly's location.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StrategyFlow.sln above {AppContext.BaseDirectory}.");
    }
}
