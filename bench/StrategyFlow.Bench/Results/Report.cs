using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StrategyFlow.Bench.Results;

/// <summary>The runs as a table (one column per run, plus a ratio column for a pair) and as JSON.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Table(IReadOnlyList<BenchResult> runs)
    {
        var rows = new List<(string Name, Func<BenchResult, double?> Value)>();
        if (runs.Any(r => r.ArrivalRatePerMinute is not null || r.ThinkTimeSeconds is not null))
        {
            rows.AddRange(
            [
                ("arrival rate (strategies / min; - = all at once)", r => r.ArrivalRatePerMinute),
                ("minutes of arrivals", r => r.ArrivalMinutes),
                ("think time, exponential mean (s)", r => r.ThinkTimeSeconds),
            ]);
        }
        rows.AddRange(
        [
            ("strategies completed", r => r.Completed),
            ("strategies failed", r => r.Failed),
            ("duration (s)", r => r.DurationSeconds),
            ("strategies / min", r => r.StrategiesPerMinute),
            ("form submissions / s", r => r.SubmissionsPerSecond),
            ("strategy start -> completed p50 (s)", r => Seconds(r, "strategyDuration", p => p.P50)),
            ("strategy start -> completed p95 (s)", r => Seconds(r, "strategyDuration", p => p.P95)),
            ("slowest strategy start -> completed (s)", r => Seconds(r, "strategyDuration", p => p.Max)),
        ]);
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
            ("mail sent", r => r.MailSent),
            ("mail delivered twice (same messageKey)", r => r.MailDeliveredTwice),
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
            ("history events left / strategy (last generation)", r => r.HistoryEventsPerStrategy),
            ("human actions / strategy (form POSTs or floor events)", r => r.Completed > 0 ? Math.Round(r.Submissions / (double)r.Completed, 1) : null),
            ("per human action: storage ops blob", r => r.PerHumanAction.GetValueOrDefault("blob")),
            ("per human action: storage ops queue", r => r.PerHumanAction.GetValueOrDefault("queue")),
            ("per human action: storage ops table", r => r.PerHumanAction.GetValueOrDefault("table")),
            ("per human action: storage ops total", r => r.PerHumanAction.GetValueOrDefault("total")),
            ("per human action: orchestration episodes", r => r.PerHumanAction.GetValueOrDefault("episodes")),
            ("per human action: history events left (last generation)", r => r.PerHumanAction.GetValueOrDefault("historyEvents")),
            ("per human action: host CPU-ms", r => r.PerHumanAction.GetValueOrDefault("hostCpuMs")),
        ]);
        if (runs.Any(r => r.Crash is not null))
        {
            rows.AddRange(
            [
                ("kill -9 of the host at (s)", r => r.Crash?.KilledAtSeconds),
                ("  strategies in flight at the kill", r => r.Crash?.InFlightAtKill),
                ("  kill -> restarted host ready (s)", r => r.Crash?.RestartSeconds),
                ("  kill -> first mail or episode (s)", r => r.Crash?.FirstProgressAfterKillSeconds),
                ("  longest gap without progress after the kill (s)", r => r.Crash?.LongestGapAfterKillSeconds),
                ("  longest gap without progress before the kill (s)", r => r.Crash?.LongestGapBeforeKillSeconds),
                ("  messages and activities in flight at the kill", r => r.Crash?.InFlightWorkAtKill.Count),
                ("  in flight at the kill -> done p50 (s)", r => r.Crash is { InFlightWorkAtKill.Count: > 0 } c ? Math.Round(c.InFlightWorkAtKill.P50 / 1000, 1) : null),
                ("  in flight at the kill -> done max (s)", r => r.Crash is { InFlightWorkAtKill.Count: > 0 } c ? Math.Round(c.InFlightWorkAtKill.Max / 1000, 1) : null),
                ("  starts caught by the kill", r => r.Crash?.StartsCaught.Count),
                ("  starts caught by the kill: kill -> taken, max (s)", r => r.Crash is { StartsCaught.Count: > 0 } c ? Math.Round(c.StartsCaught.Max / 1000, 1) : null),
                ("  people waiting for mail at the kill who got it after", r => r.Crash?.WaitingForMailAtKill.Count),
                ("  waiting for mail at the kill -> mail p50 (s)", r => r.Crash is { WaitingForMailAtKill.Count: > 0 } c ? Math.Round(c.WaitingForMailAtKill.P50 / 1000, 1) : null),
                ("  waiting for mail at the kill -> mail max (s)", r => r.Crash is { WaitingForMailAtKill.Count: > 0 } c ? Math.Round(c.WaitingForMailAtKill.Max / 1000, 1) : null),
                ("  requests made again after no answer (reloads)", r => r.Retries),
            ]);
        }
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
        // A --find-rate series has a different N per rate: the table then says only K.
        var size = runs.All(r => r.Strategies == runs[0].Strategies) ? $"N={runs[0].Strategies} K={runs[0].Stakeholders}" : $"K={runs[0].Stakeholders}";
        var header = new List<string> { size };
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

        var text = new StringBuilder();
        Grid(text, table);
        foreach (var run in runs.Where(r => r.Errors.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{run.Label()}: {run.Errors.Count} error(s); first: {run.Errors[0]}");
        }
        foreach (var run in runs.Where(r => r.Minutes.Count > 0))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Per minute, {run.Label()}:");
            Grid(text, [
                ["minute", "arrived", "completed", "failed", "backlog", "posts", "sub->email n", "p50 (ms)", "p95 (ms)"],
                .. run.Minutes.Select(m => new List<string>
                {
                    Format(m.Minute), Format(m.Arrivals), Format(m.Completed), Format(m.Failed), Format(m.Backlog), Format(m.Posts),
                    Format(m.SubmissionToNextEmailCount), Format(m.SubmissionToNextEmailP50Ms), Format(m.SubmissionToNextEmailP95Ms),
                })]);
        }
        text.AppendLine().AppendLine("Targets:");
        foreach (var line in TargetLines(runs))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }
        return text.ToString();
    }

    /// <summary>Each target a run speaks to, met or missed, with its number.</summary>
    private static IEnumerable<string> TargetLines(IReadOnlyList<BenchResult> runs)
    {
        static string Verdict(bool met) => met ? "met" : "MISSED";
        foreach (var run in runs)
        {
            var who = runs.Count > 1 ? $"{run.Label()}: " : "";
            var slowest = run.Latencies.GetValueOrDefault("strategyDuration");
            if (run.ArrivalRatePerMinute is null && run.Workload == Workloads.StrategyFlow)
            {
                var all = run.Completed == run.Strategies;
                var within = all && slowest is { } s && s.Max < Targets.Burst.TotalMilliseconds;
                yield return Invariant(
                    $"{who}burst: {run.Completed} of {run.Strategies} completed, the slowest in {(slowest?.Count > 0 ? slowest.Max / 60_000 : 0):0.0} min (all within {Targets.Burst.TotalMinutes:0} min): {Verdict(within)}");
            }
            if (run.Steady is { } steady)
            {
                var slope = steady.BacklogSlopePerMinute is { } b ? Invariant($"{b:0.0}") : "-";
                yield return Invariant(
                    $"{who}open loop {run.ArrivalRatePerMinute}/min, minutes {steady.FirstMinute}-{steady.LastMinute}: backlog slope {slope}/min (limit {steady.SlopeLimitPerMinute:0.0}), p95 submission -> next email {Format(steady.SubmissionToNextEmailP95Ms)} ms (limit {Targets.SubmissionToNextEmailP95Ms:0}): {(steady.Steady is { } ok ? (ok ? "STEADY" : "NOT STEADY") : "NOT JUDGED")} ({steady.Why})");
            }
            if (run.Crash is { } crash)
            {
                var clean = run.Completed == run.Strategies && run.MailDeliveredTwice == 0;
                yield return Invariant(
                    $"{who}kill -9 at {crash.KilledAtSeconds:0} s: longest gap without progress after it {Format(crash.LongestGapAfterKillSeconds)} s, in-flight work done {Format(crash.InFlightWorkAtKill.Count > 0 ? crash.InFlightWorkAtKill.Max / 1000 : null)} s and caught starts taken {Format(crash.StartsCaught.Count > 0 ? crash.StartsCaught.Max / 1000 : null)} s after it at the latest (limit {Targets.Resume.TotalSeconds:0} s each): {Verdict(crash.ResumedInTime)}; {run.Completed} of {run.Strategies} completed, {run.MailDeliveredTwice} mail delivered twice: {Verdict(clean)}");
            }
            var mb = run.HostKbPerInFlightStrategy / 1024;
            yield return Invariant(
                $"{who}host memory per in-flight strategy {mb:0.00} MB at N={run.Strategies} (limit {Targets.HostMbPerInFlightStrategy:0} MB, judged at N=1000): {Verdict(mb < Targets.HostMbPerInFlightStrategy)}");
        }
        var rated = runs.Where(r => r.Steady is not null).ToList();
        if (rated.Count > 1)
        {
            var best = rated.Where(r => r.Steady!.Steady == true).MaxBy(r => r.ArrivalRatePerMinute);
            yield return best is null ? "find-rate: no rate was steady"
                : best == rated[^1] ? Invariant($"find-rate: every rate tried was steady, up to {best.ArrivalRatePerMinute} strategies / min: the limit lies above it")
                : Invariant($"find-rate: highest steady rate {best.ArrivalRatePerMinute} strategies / min");
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static double? Seconds(BenchResult run, string metric, Func<Percentiles, double> pick) =>
        run.Latencies.GetValueOrDefault(metric) is { Count: > 0 } p ? Math.Round(pick(p) / 1000, 1) : null;

    /// <summary>Columns padded to their widest cell: the first left-aligned, numbers right-aligned.</summary>
    private static void Grid(StringBuilder text, IReadOnlyList<IReadOnlyList<string>> table)
    {
        var widths = Enumerable.Range(0, table[0].Count).Select(c => table.Max(l => l[c].Length)).ToArray();
        foreach (var line in table)
        {
            text.AppendLine(string.Join(" | ", line.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
        }
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

    private static string Format(double? value) => value switch
    {
        null => "-",
        var v when Math.Abs(v.Value) < 0.005 => "0",
        var v when Math.Abs(v.Value) >= 100 || v.Value == Math.Floor(v.Value) => v.Value.ToString("0", CultureInfo.InvariantCulture),
        // Per-action counts are often below one: keep a second decimal there.
        var v when Math.Abs(v.Value) < 10 => v.Value.ToString("0.0#", CultureInfo.InvariantCulture),
        var v => v.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
