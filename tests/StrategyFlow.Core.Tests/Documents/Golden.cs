namespace StrategyFlow.Core.Tests.Documents;

/// <summary>
/// Compares output with a file under tests/StrategyFlow.Core.Tests/Golden in the source tree.
/// <c>STRATEGYFLOW_UPDATE_GOLDEN=1</c> rewrites the files instead; review the diff before committing.
/// </summary>
internal static class Golden
{
    private const string UpdateVariable = "STRATEGYFLOW_UPDATE_GOLDEN";

    public static void Verify(string fileName, string actual)
    {
        var path = Path.Combine(Folder(), fileName);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}. Run the tests with {UpdateVariable}=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>The source-tree folder (found by walking up to StrategyFlow.sln), else the copy in the output.</summary>
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyFlow.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "StrategyFlow.Core.Tests", "Golden");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "Golden");
    }
}
