using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using StrategyFlow.Bench.Driving;
using StrategyFlow.Bench.Processes;
using StrategyFlow.Bench.Results;
using StrategyFlow.Bench.Storage;
using StrategyFlow.Testing;

namespace StrategyFlow.Bench;

/// <summary>
/// One run: Azurite (own folder and ports), the counting proxy in front of it, the built local host
/// (own data folder and port) on the chosen backend; an idle baseline, then N strategies at once.
/// Every process it starts is killed by its id at the end.
/// </summary>
public static class BenchRunner
{
    private const string OpsKey = "bench-ops-key";
    private const string TaskHub = "StrategyFlow";

    /// <summary>
    /// After the last post, how long the counts keep running: the episodes the last posts started (a floor
    /// post is acknowledged before its episode commits; the product's last episode follows its last mail) are
    /// committed and counted. Well above a queue poll and a commit when nothing else is running.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>The floor's host, built with the bench in the same configuration.</summary>
    private static string FloorHostAssembly => typeof(BenchRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FloorHostAssembly").Value ?? throw new InvalidOperationException("FloorHostAssembly metadata is missing.");

    public static async Task<BenchResult> RunAsync(BenchOptions options, TextWriter log)
    {
        var work = Directory.CreateTempSubdirectory("strategyflow-bench-");
        try
        {
            using var azurite = await AzuriteServer.StartAsync(options.AzuriteInMemory ? null : Path.Combine(work.FullName, "azurite"), options.AzuriteOneProcess, options.AzuritePreloads);
            await using var proxy = await CountingProxy.StartAsync(new Dictionary<StorageService, int>
            {
                [StorageService.Blob] = azurite.BlobPort,
                [StorageService.Queue] = azurite.QueuePort,
                [StorageService.Table] = azurite.TablePort,
            });
            var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            using var host = await StartHostAsync(options, baseUrl, Path.Combine(work.FullName, "data"), options.DirectStorage ? azurite.ConnectionString : proxy.ConnectionString);
            var hostCpu = new HostCpu(() => host.ProcessId);
            var name = options.Workload == Workloads.StrategyFlow ? options.Backend : $"{options.Workload} {options.Backend}";
            log.WriteLine($"[{name}] Azurite {$"pid {string.Join(", ", azurite.ProcessIds)}"}, host {$"pid {host.ProcessId}"} at {baseUrl}; idle baseline {options.IdleBaseline.TotalSeconds} s...");

            // Idle baseline: what the runtime costs with nothing to do.
            proxy.TakeCounts();
            var idleCpuBefore = hostCpu.Total;
            await Task.Delay(options.IdleBaseline);
            var idle = proxy.TakeCounts();
            var idleCpu = hostCpu.Total - idleCpuBefore;
            var idleRss = ProcessStats.Memory(host.ProcessId).Rss;

            log.WriteLine(options.ArrivalRate is { } rate
                ? string.Create(CultureInfo.InvariantCulture, $"[{name}] open loop: {rate} strategies / min for {options.ArrivalMinutes} min ({options.Strategies}), {options.Stakeholders} stakeholders per stage{ThinkText(options)}...")
                : $"[{name}] driving {options.Strategies} strategies with {options.Stakeholders} stakeholders per stage{ThinkText(options)}...");
            var hostCpuAtStart = hostCpu.Total;
            var drive = await DriveAsync(options, baseUrl, host, hostCpu, azurite.ProcessIds, log);
            var (measurements, errors, duration) = (drive.Measurements, drive.Errors, drive.Duration);
            await Task.Delay(Settle);
            var during = proxy.TakeCounts();
            var hostCpuTime = hostCpu.Total - hostCpuAtStart;
            if (options.HostLog is { } hostLog)
            {
                // After a kill the host's output is the restarted process's: the killed one's goes first.
                var before = drive.Kill is { } killed ? $"{killed.OutputBeforeKill}\n--- kill -9, restarted ---\n" : "";
                await File.WriteAllTextAsync(hostLog, before + host.Output);
            }
            if (errors.Count > 0)
            {
                log.WriteLine($"[{name}] {errors.Count} strategies failed; the host's last output{(drive.Kill is null ? "" : " (since its restart)")}:\n{host.Output}");
            }
            var history = options.Backend == "azurite"
                ? await HistoryTable.AnalyzeAsync(azurite.ConnectionString, TaskHub)
                : null;
            // Read after the counts: listing every message costs the host CPU that is not the workflow's.
            var mail = options.Workload == Workloads.StrategyFlow ? await ListMailAsync(baseUrl) : null;
            var crash = drive.Kill is { } kill
                ? CrashRecovery.Analyze(
                    measurements.StartedAt, kill.KilledAt, kill.ReadyAt, kill.InFlight,
                    (mail ?? []).Select(m => m.SentAt).Concat(history?.EpisodeCommits ?? []), history?.Work ?? [], measurements.StartsTakenAfterRetry, measurements.MailWaits)
                : null;
            var minutes = Timeline.PerMinute(measurements, duration);
            // Per completed strategy; when none completed (a failed run), per strategy started.
            var completed = measurements.Completed > 0 ? measurements.Completed : options.Strategies;
            // What the run cost beyond an idle runtime: the idle rate × the run's duration (and settling) is taken off.
            var idleShare = (duration + Settle) / options.IdleBaseline;
            double Net(long counted, long countedIdle) => counted - countedIdle * idleShare;
            var storage = Enum.GetValues<StorageService>()
                .ToDictionary(s => s.ToString().ToLowerInvariant(), s => Net(during.Of(s), idle.Of(s)));
            storage["total"] = Net(during.Total, idle.Total);
            var hostCpuMs = (hostCpuTime - idleCpu * idleShare).TotalMilliseconds;
            long? episodes = history is null ? null : during.EpisodeCommits;
            var actions = measurements.Submissions;
            double? PerAction(double? value) => value is { } v && actions > 0 ? Math.Round(v / actions, 2) : null;

            return new BenchResult
            {
                Date = DateTimeOffset.UtcNow,
                Workload = options.Workload,
                Backend = options.Backend,
                Strategies = options.Strategies,
                Stakeholders = options.Stakeholders,
                Partitions = options.Partitions,
                HostProcessors = options.HostProcessors,
                AzuriteInMemory = options.AzuriteInMemory,
                AzuriteOneProcess = options.AzuriteOneProcess,
                AzuriteAsShipped = options.AzuriteAsShipped,
                AzuriteWithoutTableIndex = options.AzuritePreloads == AzuritePreloads.QueueFix,
                HostSettings = options.HostSettings,
                HostAssembly = options.HostAssembly,
                ArrivalRatePerMinute = options.ArrivalRate,
                ArrivalMinutes = options.ArrivalMinutes,
                ThinkTimeSeconds = options.ThinkTime,
                Seed = options.ThinkTime is null ? null : options.Seed,
                KillAfterSeconds = options.KillAfter?.TotalSeconds,
                Completed = measurements.Completed,
                Failed = measurements.Failed,
                DurationSeconds = Math.Round(duration.TotalSeconds, 1),
                StrategiesPerMinute = Math.Round(measurements.Completed / duration.TotalMinutes, 1),
                Submissions = measurements.Submissions,
                SubmissionsPerSecond = Math.Round(measurements.Submissions / duration.TotalSeconds, 1),
                Latencies = history is null
                    ? measurements.Latencies()
                    : new Dictionary<string, Percentiles>(measurements.Latencies())
                    {
                        ["messageToEpisode"] = history.MessageToEpisode,
                        ["activityRoundTrip"] = history.ActivityRoundTrip,
                    },
                EarlyLinkRejections = measurements.EarlyLinkRejections,
                HostIdleRssMb = Megabytes(idleRss),
                HostPeakRssMb = Megabytes(Math.Max(drive.PeakRss, ProcessStats.Memory(host.ProcessId).Peak)),
                HostKbPerInFlightStrategy = Math.Round((drive.PeakRss - idleRss) / 1024.0 / Math.Max(drive.MostInFlight, 1), 0),
                HostCpuPercent = Math.Round(drive.HostCpuPercent, 0),
                AzuriteCpuPercent = Math.Round(drive.AzuriteCpuPercent, 0),
                BenchCpuPercent = Math.Round(drive.BenchCpuPercent, 0),
                IdleStorageOpsPerSecond = Math.Round(idle.Total / options.IdleBaseline.TotalSeconds, 2),
                StorageOpsPerStrategy = storage.ToDictionary(s => s.Key, s => Math.Round(s.Value / completed, 1)),
                StorageOpsDuringRun = during.ByOperation.OrderByDescending(c => c.Value)
                    .ToDictionary(c => $"{c.Key.Service.ToString().ToLowerInvariant()} {c.Key.Operation}", c => c.Value),
                HistoryEventsPerStrategy = history is { } h ? Math.Round(h.Events / (double)completed, 1) : null,
                Episodes = episodes,
                HistoryEvents = history?.Events,
                HistoryEventsByType = history?.EventsByType,
                HostCpuMs = Math.Round(hostCpuMs, 0),
                PerHumanAction = storage.ToDictionary(s => s.Key, s => PerAction(s.Value))
                    .Append(KeyValuePair.Create("episodes", PerAction(episodes)))
                    .Append(KeyValuePair.Create("historyEvents", PerAction(history?.Events)))
                    .Append(KeyValuePair.Create("hostCpuMs", PerAction(hostCpuMs)))
                    .ToDictionary(),
                StorageOpsPerHumanAction = during.ByResource.Keys.Union(idle.ByResource.Keys)
                    .Select(o => (Name: o.ToString(), Value: PerAction(Net(during.ByResource.GetValueOrDefault(o), idle.ByResource.GetValueOrDefault(o)))))
                    .Where(o => o.Value is not null)
                    .OrderByDescending(o => o.Value)
                    .ToDictionary(o => o.Name, o => o.Value!.Value),
                MailSent = mail?.Count,
                MailDeliveredTwice = mail?.Where(m => m.MessageKey.Length > 0).CountBy(m => m.MessageKey).Count(k => k.Value > 1),
                Retries = measurements.Retries,
                Minutes = minutes,
                Steady = options.ArrivalRate is { } arrivalRate ? Timeline.Judge(minutes, measurements, arrivalRate, options.ArrivalMinutes!.Value) : null,
                Crash = crash,
                Machine = Machine.Describe(),
                Errors = errors,
            };
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a process may still hold a file for a moment; the folder is in /tmp
            }
        }
    }

    /// <summary>What driving the strategies saw; CPU in % of one core over the drive.</summary>
    private sealed record Drive(
        Measurements Measurements, IReadOnlyList<string> Errors, TimeSpan Duration, long PeakRss, int MostInFlight,
        double HostCpuPercent, double AzuriteCpuPercent, double BenchCpuPercent, HostKill? Kill);

    /// <summary>
    /// The host was killed at <paramref name="KilledAt"/> with <paramref name="InFlight"/> strategies running, and
    /// answered again at <paramref name="ReadyAt"/>; <paramref name="OutputBeforeKill"/> is what the killed process wrote last.
    /// </summary>
    private sealed record HostKill(DateTimeOffset KilledAt, DateTimeOffset ReadyAt, int InFlight, string OutputBeforeKill);

    private static async Task<Drive> DriveAsync(BenchOptions options, Uri baseUrl, LocalHostServer host, HostCpu hostCpu, IReadOnlyList<int> azuritePids, TextWriter log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(100),
        };
        // The floor sends no mail: polling a mailbox it does not have would only cost its host CPU.
        await using var mailbox = options.Workload == Workloads.StrategyFlow ? new Mailbox(http, options.MailboxPollInterval) : null;
        mailbox?.Start();
        var measurements = new Measurements();
        var think = options.ThinkTime is { } mean ? new ThinkTime(mean, options.Seed) : null;
        Func<string, int, Task> drive = mailbox is null
            ? new FloorDriver(http, OpsKey, measurements, options.Stakeholders, options.Timeout).RunAsync
            : new StrategyDriver(http, OpsKey, mailbox, measurements, options.Stakeholders, options.Timeout, think, hostMayRestart: options.KillAfter is not null).RunAsync;
        var runTag = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        TimeSpan AzuriteCpuTime() => azuritePids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessStats.CpuTime(pid));
        var hostCpuBefore = hostCpu.Total;
        var azuriteCpuBefore = AzuriteCpuTime();
        var benchCpuBefore = ProcessStats.CpuTime(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleMemoryAsync(() => host.ProcessId, measurements, log, sampling.Token);
        using var ended = new CancellationTokenSource();
        var killing = options.KillAfter is { } after
            ? KillAndRestartAsync(host, hostCpu, after, measurements, log, ended.Token)
            : Task.FromResult<HostKill?>(null);

        var runs = new List<Task>(options.Strategies);
        for (var i = 0; i < options.Strategies; i++)
        {
            // Open loop: one arrival every 60/R s on the run's clock, whatever the earlier strategies are doing.
            if (options.ArrivalRate is { } rate && TimeSpan.FromMinutes(i / rate) - clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }
            var index = i;
            runs.Add(Task.Run(() => drive($"bench-{runTag}-{index.ToString("D4", CultureInfo.InvariantCulture)}", index)));
        }
        var errors = new List<string>();
        foreach (var run in runs)
        {
            try
            {
                await run;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or TaskCanceledException)
            {
                errors.Add(e.Message);
            }
        }
        var duration = clock.Elapsed;
        await ended.CancelAsync();
        var kill = await killing;
        var hostCpuPercent = (hostCpu.Total - hostCpuBefore) / duration * 100;
        var azuriteCpu = (AzuriteCpuTime() - azuriteCpuBefore) / duration * 100;
        var benchCpu = (ProcessStats.CpuTime(Environment.ProcessId) - benchCpuBefore) / duration * 100;
        await sampling.CancelAsync();
        var (peakRss, mostInFlight) = await sampler;
        return new(measurements, errors, duration, peakRss, mostInFlight, hostCpuPercent, azuriteCpu, benchCpu, kill);
    }

    /// <summary>
    /// kill -9 of the host <paramref name="after"/> into the run, then a restart on the same data folder, port and
    /// storage; null when the run ended first.
    /// </summary>
    private static async Task<HostKill?> KillAndRestartAsync(LocalHostServer host, HostCpu hostCpu, TimeSpan after, Measurements measurements, TextWriter log, CancellationToken runEnded)
    {
        try
        {
            await Task.Delay(after, runEnded);
        }
        catch (OperationCanceledException)
        {
            log.WriteLine($"  the run ended before the kill at {after.TotalSeconds} s: nothing was killed");
            return null;
        }
        hostCpu.BeforeKill();
        var inFlight = measurements.InFlight;
        host.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var output = host.Output;
        log.WriteLine($"  kill -9 of the host at {after.TotalSeconds} s with {inFlight} strategies in flight; restarting it on the same data...");
        await host.RestartAsync();
        var readyAt = DateTimeOffset.UtcNow;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  host pid {host.ProcessId} ready {(readyAt - killedAt).TotalSeconds:0.0} s after the kill"));
        return new(killedAt, readyAt, inFlight, output);
    }

    /// <summary>The host's resident set every half second: its peak, and the most strategies in flight at once.</summary>
    private static async Task<(long PeakRss, int MostInFlight)> SampleMemoryAsync(Func<int> hostPid, Measurements measurements, TextWriter log, CancellationToken cancellationToken)
    {
        long peak = 0;
        var mostInFlight = 0;
        var lastReport = Stopwatch.StartNew();
        var unreadable = false;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                long rss;
                try
                {
                    rss = ProcessStats.Memory(hostPid()).Rss;
                    unreadable = false;
                }
                catch (InvalidOperationException e)
                {
                    // Killed on purpose (and restarting) or crashed: the run itself reports a failure.
                    if (!unreadable)
                    {
                        log.WriteLine($"  cannot read the host's memory: {e.Message}");
                    }
                    unreadable = true;
                    continue;
                }
                // RSS rarely falls back as strategies finish (the GC keeps what it grew), so the peak is
                // divided by the most strategies that were in flight at once, not by those in flight at the peak.
                peak = Math.Max(peak, rss);
                mostInFlight = Math.Max(mostInFlight, measurements.InFlight);
                if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
                {
                    lastReport.Restart();
                    log.WriteLine($"  in flight {measurements.InFlight}, completed {measurements.Completed}, failed {measurements.Failed}, submissions {measurements.Submissions}, host RSS {Megabytes(rss)} MB");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return (peak, mostInFlight);
    }

    /// <summary>Every message in the development mailbox, by a client of its own (the drive's is gone).</summary>
    private static async Task<IReadOnlyList<MailItem>> ListMailAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        return await Mailbox.AllAsync(http);
    }

    private static string ThinkText(BenchOptions options) => options.ThinkTime is { } think
        ? string.Create(CultureInfo.InvariantCulture, $", think time exponential, mean {think} s (seed {options.Seed})")
        : "";

    private static async Task<LocalHostServer> StartHostAsync(BenchOptions options, Uri baseUrl, string dataDirectory, string storage)
    {
        var floor = options.Workload == Workloads.Floor;
        var host = new LocalHostServer(baseUrl, dataDirectory, storage, OpsKey)
        {
            Assembly = options.HostAssembly ?? (floor ? FloorHostAssembly : RepositoryPaths.LocalHostAssembly),
            ReadyPath = floor ? "/api/floor" : LocalHostServer.DefaultReadyPath,
        };
        host.Environment["LocalHost__Durable__Backend"] = options.Backend == "memory" ? "Memory" : "AzureStorage";
        host.Environment["LocalHost__Durable__PartitionCount"] = options.Partitions.ToString(CultureInfo.InvariantCulture);
        host.Environment["DOTNET_PROCESSOR_COUNT"] = options.HostProcessors > 0 ? options.HostProcessors.ToString(CultureInfo.InvariantCulture) : null;
        // Per-request information logs would measure the console, not the workflow.
        host.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in options.HostSettings)
        {
            host.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}
