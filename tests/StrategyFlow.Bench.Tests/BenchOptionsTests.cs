using StrategyFlow.Testing;

namespace StrategyFlow.Bench.Tests;

/// <summary>The command line of scripts/bench.sh: which runs it makes and how they are named.</summary>
public sealed class BenchOptionsTests
{
    [Fact]
    public void Parse_Versus_MakesTheBaselineThenTheVariant()
    {
        var runs = BenchOptions.Parse(["--strategies", "20", "--versus", "LocalHost:Durable:MaxConcurrentActivities=50"]);

        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(20, r.Strategies));
        Assert.Empty(runs[0].HostSettings);
        Assert.Equal("50", runs[1].HostSettings["LocalHost:Durable:MaxConcurrentActivities"]);
    }

    [Fact]
    public void Parse_VersusAzuriteProcesses_RunsOneAzuriteProcessFirstThenOnePerService()
    {
        var runs = BenchOptions.Parse(["--strategies", "200", "--versus-azurite-processes"]);

        Assert.Equal([true, false], runs.Select(r => r.AzuriteOneProcess));
        Assert.All(runs, r => Assert.Equal(200, r.Strategies));
    }

    [Fact]
    public void Parse_VersusAzuriteFix_RunsAzuriteAsShippedFirstThenPreloaded()
    {
        var runs = BenchOptions.Parse(["--strategies", "300", "--versus-azurite-fix"]);

        Assert.Equal([AzuritePreloads.None, AzuritePreloads.All], runs.Select(r => r.AzuritePreloads));
        Assert.All(runs, r => Assert.Equal(300, r.Strategies));
    }

    [Fact]
    public void Parse_VersusTableIndex_RunsTheQueueFixAloneFirstThenBothPreloads()
    {
        var runs = BenchOptions.Parse(["--strategies", "300", "--versus-table-index"]);

        Assert.Equal([AzuritePreloads.QueueFix, AzuritePreloads.All], runs.Select(r => r.AzuritePreloads));
        Assert.All(runs, r => Assert.Equal(300, r.Strategies));
    }

    [Fact]
    public void Parse_VersusAzuriteFixWithoutTableIndex_ComparesTheQueueFixAlone()
    {
        var runs = BenchOptions.Parse(["--versus-azurite-fix", "--azurite-without-table-index"]);

        Assert.Equal([AzuritePreloads.None, AzuritePreloads.QueueFix], runs.Select(r => r.AzuritePreloads));
    }

    [Fact]
    public void Parse_AzuriteAsShipped_RunsWithoutAnyPreload()
    {
        var run = Assert.Single(BenchOptions.Parse(["--azurite-as-shipped", "--azurite-without-table-index"]));

        Assert.Equal(AzuritePreloads.None, run.AzuritePreloads);
    }

    [Fact]
    public void Parse_VersusAzuriteProcessesAndFloor_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--versus-azurite-processes", "--floor"]));

        Assert.Contains("choose one", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--versus", "NoEqualsSign")]
    [InlineData("--host-setting", "=value")]
    [InlineData("--partitions", "0")]
    [InlineData("--arrival-rate", "0")]
    [InlineData("--duration", "-1")]
    [InlineData("--think-time", "-1")]
    [InlineData("--kill-after", "1.5")]
    [InlineData("--find-rate", "10,x")]
    [InlineData("--seed", "0")]
    public void Parse_BadValue_SaysWhatIsExpected(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse([option, value]));

        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BaselineHost_RunsThatBuildFirstThenThisOne()
    {
        var runs = BenchOptions.Parse(["--baseline-host", "old/StrategyFlow.LocalHost.dll"]);

        Assert.Equal(2, runs.Count);
        Assert.Equal(Path.GetFullPath("old/StrategyFlow.LocalHost.dll"), runs[0].HostAssembly);
        Assert.Null(runs[1].HostAssembly);
    }

    [Fact]
    public void Parse_Floor_RunsStrategyFlowThenTheFloorAtTheSameSize()
    {
        var runs = BenchOptions.Parse(["--strategies", "20", "--stakeholders", "2", "--floor"]);

        Assert.Equal([Workloads.StrategyFlow, Workloads.Floor], runs.Select(r => r.Workload));
        Assert.All(runs, r => Assert.Equal((20, 2, "azurite"), (r.Strategies, r.Stakeholders, r.Backend)));
    }

    [Fact]
    public void Parse_FloorAndBaselineHost_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--floor", "--baseline-host", "old/StrategyFlow.LocalHost.dll"]));
    }

    [Fact]
    public void Parse_BothBackendsAndVersus_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--backend", "both", "--versus", "A:B=1"]));
    }
}
