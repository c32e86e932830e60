using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StrategyFlow.Bench.Results;

/// <summary>The runs as a table (one column per run, plus a ratio column for a pair) and as JSON.</summary>
public static class Report
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Table(IReadOnlyList<BenchResult> runs)
    {
        var rows = new List<(string Name, Func<BenchResult, double?> Value)>
        {
            ("strategies completed", r => r.Completed),
            ("strategies failed", r => r.Failed),
            ("duration (s)", r => r.DurationSeconds),
            ("strategies / min", r => r.StrategiesPerMinute),
            ("form submissions / s", r => r.SubmissionsPerSecond),
        };
        foreach (var (metric, label) in new[]
        {
            ("formPost", "form POST"), ("formGet", "form GET"),
            ("submissionToNextEmail", "submission -> next email"), ("approvalToInvitations", "approval -> invitations"),
            ("messageToEpisode", "message -> episode committed"), ("activityRoundTrip", "activity scheduled -> done"),
        })
        {
            // The last two come from the history table: Azure Storage backend only.
            rows.Add(($"{label} p50 (ms)", r => r.Latencies.GetValueOrDefault(metric)?.P50));
            rows.Add(($"{label} p95 (ms)", r => r.Latencies.GetValueOrDefault(metric)?.P95));
            rows.Add(($"{label} p99 (ms)", r => r.Latencies.GetValueOrDefault(metric)?.P99));
        }
        rows.AddRange(
        [
            ("form GET 403 before the round opened", r => r.EarlyLinkRejections),
            ("host RSS idle (MB)", r => r.HostIdleRssMb),
            ("host RSS peak (MB)", r => r.HostPeakRssMb),
            ("host KB / in-flight strategy ((peak-idle)/most in flight)", r => r.HostKbPerInFlightStrategy),
            ("host CPU (% of a core)", r => r.HostCpuPercent),
            ("Azurite CPU (% of a core)", r => r.AzuriteCpuPercent),
            ("bench CPU: people + proxy (% of a core)", r => r.BenchCpuPercent),
            ("idle storage ops / s", r => r.IdleStorageOpsPerSecond),
            ("storage ops / strategy: blob", r => r.StorageOpsPerStrategy["blob"]),
            ("storage ops / strategy: queue", r => r.StorageOpsPerStrategy["queue"]),
            ("storage ops / strategy: table", r => r.StorageOpsPerStrategy["table"]),
            ("storage ops / strategy: total", r => r.StorageOpsPerStrategy["total"]),
            ("history events / strategy", r => r.HistoryEventsPerStrategy),
            ("human actions / strategy (form POSTs or floor events)", r => r.Completed > 0 ? Math.Round(r.Submissions / (double)r.Completed, 1) : null),
            ("per human action: storage ops blob", r => r.PerHumanAction.GetValueOrDefault("blob")),
            ("per human action: storage ops queue", r => r.PerHumanAction.GetValueOrDefault("queue")),
            ("per human action: storage ops table", r => r.PerHumanAction.GetValueOrDefault("table")),
            ("per human action: storage ops total", r => r.PerHumanAction.GetValueOrDefault("total")),
            ("per human action: orchestration episodes", r => r.PerHumanAction.GetValueOrDefault("episodes")),
            ("per human action: history events", r => r.PerHumanAction.GetValueOrDefault("historyEvents")),
            ("per human action: host CPU-ms", r => r.PerHumanAction.GetValueOrDefault("hostCpuMs")),
        ]);
        // Which operations make the difference: every one that costs at least 0.05 per action in some run.
        rows.AddRange(runs.SelectMany(r => r.StorageOpsPerHumanAction)
            .Where(o => o.Value >= 0.05)
            .GroupBy(o => o.Key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(o => o.Value))
            .Select(g => g.Key)
            .Select(operation => ($"  per human action: {operation}", (Func<BenchResult, double?>)(r =>
                r.StorageOpsPerHumanAction.Count > 0 ? r.StorageOpsPerHumanAction.GetValueOrDefault(operation) : null))));

        // A pair compares as a ratio: azurite/memory for --backend both, StrategyFlow/floor for --floor,
        // second/first for --versus and --baseline-host.
        var pair = runs.Count == 2;
        var (numerator, denominator, ratio) = pair switch
        {
            true when runs[0].Backend == "azurite" && runs[1].Backend == "memory" => (0, 1, "azurite/memory"),
            true when runs[1].Workload == Workloads.Floor => (0, 1, "StrategyFlow/floor"),
            _ => (1, 0, "second/first"),
        };
        var header = new List<string> { $"N={runs[0].Strategies} K={runs[0].Stakeholders}" };
        header.AddRange(runs.Select(r => r.Label()));
        if (pair)
        {
            header.Add(ratio);
        }
        var table = new List<List<string>> { header };
        foreach (var (name, value) in rows)
        {
            var line = new List<string> { name };
            line.AddRange(runs.Select(r => Format(value(r))));
            if (pair)
            {
                // Only of counts that mean something: a negative one is idle-rate noise.
                line.Add(value(runs[numerator]) is { } a && value(runs[denominator]) is { } b && b > 0 && a >= 0
                    ? (a / b).ToString("0.00", CultureInfo.InvariantCulture)
                    : "-");
            }
            table.Add(line);
        }

        var widths = Enumerable.Range(0, header.Count).Select(c => table.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in table)
        {
            text.AppendLine(string.Join(" | ", line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }
        foreach (var run in runs.Where(r => r.Errors.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{run.Label()}: {run.Errors.Count} error(s); first: {run.Errors[0]}");
        }
        return text.ToString();
    }

    /// <summary>Writes the runs to <c>{date}-n{N}-k{K}-{backends}.json</c> in <paramref name="directory"/>; returns the path.</summary>
    public static string WriteJson(IReadOnlyList<BenchResult> runs, string directory)
    {
        Directory.CreateDirectory(directory);
        var first = runs[0];
        var backends = string.Join("-", runs.Select(r => r.Slug()));
        var name = string.Create(CultureInfo.InvariantCulture, $"{first.Date:yyyy-MM-dd-HHmm}-n{first.Strategies}-k{first.Stakeholders}-{backends}.json");
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, JsonSerializer.Serialize(runs, Json));
        return path;
    }

    static string Format(double? value) => value switch
    {
        null => "-",
        var v when Math.Abs(v.Value) < 0.005 => "0",
        var v when Math.Abs(v.Value) >= 100 || v.Value == Math.Floor(v.Value) => v.Value.ToString("0", CultureInfo.InvariantCulture),
        // Per-action counts are often below one: keep a second decimal there.
        var v when Math.Abs(v.Value) < 10 => v.Value.ToString("0.0#", CultureInfo.InvariantCulture),
        var v => v.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
