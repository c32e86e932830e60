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
    var result = await BenchRunner.RunAsync(options, Console.Out);
    results.Add(result);
    // --find-rate: a higher rate than one that did not keep up will not either.
    if (options.StopWhenUnsteady && result.Steady?.Steady != true)
    {
        break;
    }
}

Console.WriteLine();
Console.WriteLine(Report.Table(results));
if (runs[0].OutputDirectory is { } directory)
{
    Console.WriteLine($"Written to {Report.WriteJson(results, directory)}");
}
// A --find-rate series ends on a rate that failed by design: judge it by its steady runs.
var judged = runs[0].StopWhenUnsteady ? results.Where(r => r.Steady?.Steady == true).ToList() : results;
return judged.Count > 0 && judged.All(r => r.Failed == 0 && r.Completed == r.Strategies) ? 0 : 1;
