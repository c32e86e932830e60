using StrategyFlow.Bench;
using StrategyFlow.Bench.Results;

// Load benchmark of the local host: see docs/benchmarks.md and scripts/bench.sh.
IReadOnlyList<BenchOptions> runs;
try
{
    runs = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var results = new List<BenchResult>();
foreach (var options in runs)
{
    results.Add(await BenchRunner.RunAsync(options, Console.Out));
}

Console.WriteLine();
Console.WriteLine(Report.Table(results));
if (runs[0].OutputDirectory is { } directory)
{
    Console.WriteLine($"Written to {Report.WriteJson(results, directory)}");
}
return results.All(r => r.Failed == 0 && r.Completed == r.Strategies) ? 0 : 1;
