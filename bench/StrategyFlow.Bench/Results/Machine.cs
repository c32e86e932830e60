namespace StrategyFlow.Bench.Results;

/// <summary>The machine a run measured: cores, memory and CPU model from /proc.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"{Environment.ProcessorCount} cores, {long.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GB, {model}";
    }
}
