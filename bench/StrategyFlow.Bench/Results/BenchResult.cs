namespace StrategyFlow.Bench.Results;

/// <summary>One run, as written to docs/benchmarks/*.json.</summary>
public sealed record BenchResult
{
    public required DateTimeOffset Date { get; init; }

    /// <summary><c>strategyflow</c> or <c>floor</c> (the bare human-interaction orchestration, <c>--floor</c>).</summary>
    public string Workload { get; init; } = Workloads.StrategyFlow;

    public required string Backend { get; init; }
    public required int Strategies { get; init; }
    public required int Stakeholders { get; init; }
    public required int Partitions { get; init; }

    /// <summary>DOTNET_PROCESSOR_COUNT given to the host; 0 = the machine's.</summary>
    public required int HostProcessors { get; init; }

    /// <summary>Azurite ran with <c>--inMemoryPersistence</c>.</summary>
    public bool AzuriteInMemory { get; init; }

    /// <summary>Azurite's three services ran in one process (otherwise a process each).</summary>
    public bool AzuriteOneProcess { get; init; }

    /// <summary>Azurite ran without this repository's preloads (scripts/azurite-*.cjs; before 2026-12-07 the queue fix only).</summary>
    public bool AzuriteAsShipped { get; init; }

    /// <summary>Azurite's table service ran without scripts/azurite-table-index.cjs (runs before 2026-12-07 all did).</summary>
    public bool AzuriteWithoutTableIndex { get; init; }

    /// <summary>Extra host configuration the run was given (<c>--host-setting</c>).</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The local host build that ran, when not this repository's (<c>--baseline-host</c>).</summary>
    public string? HostAssembly { get; init; }

    /// <summary>Open loop: strategies per minute, one every 60/R s (<c>--arrival-rate</c>); null for a burst (all at once).</summary>
    public double? ArrivalRatePerMinute { get; init; }

    /// <summary>Open loop: minutes of arrivals (<c>--duration</c>); the run then drains.</summary>
    public double? ArrivalMinutes { get; init; }

    /// <summary>Mean of the exponential think time before each person's action (<c>--think-time</c>); null = at once.</summary>
    public double? ThinkTimeSeconds { get; init; }

    /// <summary>Seed of the think times (<c>--seed</c>), when there are think times.</summary>
    public int? Seed { get; init; }

    /// <summary>The host was killed (SIGKILL) this many seconds into the run and restarted on its data (<c>--kill-after</c>).</summary>
    public double? KillAfterSeconds { get; init; }

    /// <summary>The column heading of this run, e.g. <c>azurite (P=1, mem, MaxQueuePollingInterval=00:00:00.25)</c>.</summary>
    public string Label() => $"{Prefix(" ")}{Backend} ({string.Join(", ", Settings(forFileName: false))})";

    /// <summary>The file-name part of this run, e.g. <c>azurite-p1-mem-maxqueuepollinginterval00000025</c>.</summary>
    public string Slug() => Prefix("-") + string.Join("-", [Backend, .. Settings(forFileName: true)]);

    // Runs of the product keep the names they always had.
    private string Prefix(string separator) => Workload == Workloads.StrategyFlow ? "" : Workload + separator;

    private IEnumerable<string> Settings(bool forFileName)
    {
        yield return forFileName ? $"p{Partitions}" : $"P={Partitions}";
        if (HostProcessors > 0)
        {
            yield return forFileName ? $"c{HostProcessors}" : $"C={HostProcessors}";
        }
        if (AzuriteInMemory)
        {
            yield return "mem";
        }
        if (AzuriteOneProcess)
        {
            yield return forFileName ? "az1" : "one Azurite process";
        }
        if (AzuriteAsShipped)
        {
            yield return forFileName ? "azshipped" : "Azurite as shipped";
        }
        else if (AzuriteWithoutTableIndex)
        {
            yield return forFileName ? "notableindex" : "no table index";
        }
        if (HostAssembly is not null)
        {
            yield return "baseline";
        }
        if (ArrivalRatePerMinute is { } rate)
        {
            yield return forFileName ? Invariant($"r{rate}x{ArrivalMinutes}") : Invariant($"{rate}/min x {ArrivalMinutes} min");
        }
        if (ThinkTimeSeconds is { } think)
        {
            yield return forFileName ? Invariant($"think{think}") : Invariant($"think {think} s");
        }
        if (KillAfterSeconds is { } kill)
        {
            yield return forFileName ? Invariant($"kill{kill}") : Invariant($"kill -9 at {kill} s");
        }
        foreach (var (key, value) in HostSettings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            // The last part of the key tells runs apart.
            var name = key[(key.LastIndexOf(':') + 1)..];
            yield return forFileName ? string.Concat($"{name}{value}".Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant() : $"{name}={value}";
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    public required int Completed { get; init; }
    public required int Failed { get; init; }
    public required double DurationSeconds { get; init; }
    public required double StrategiesPerMinute { get; init; }
    public required int Submissions { get; init; }
    public required double SubmissionsPerSecond { get; init; }

    /// <summary>Milliseconds: formPost, formGet, submissionToNextEmail, approvalToInvitations, strategyDuration (start to Completed mail).</summary>
    public required IReadOnlyDictionary<string, Percentiles> Latencies { get; init; }

    /// <summary>Form GETs that answered 403 (link invalid) right after the mail arrived and 200 on a retry.</summary>
    public required int EarlyLinkRejections { get; init; }

    public required double HostIdleRssMb { get; init; }
    public required double HostPeakRssMb { get; init; }

    /// <summary>(peak RSS during the run − idle RSS) / the most strategies in flight at once.</summary>
    public required double HostKbPerInFlightStrategy { get; init; }

    /// <summary>Average over the run; 100 = one core busy.</summary>
    public required double HostCpuPercent { get; init; }
    public required double AzuriteCpuPercent { get; init; }

    /// <summary>The bench process itself: the simulated people, the mailbox poller and the counting proxy.</summary>
    public double BenchCpuPercent { get; init; }

    public required double IdleStorageOpsPerSecond { get; init; }

    /// <summary>Requests by service during the run minus the idle rate × run duration, per completed strategy.</summary>
    public required IReadOnlyDictionary<string, double> StorageOpsPerStrategy { get; init; }

    /// <summary>Raw requests during the run by "service operation", largest first.</summary>
    public required IReadOnlyDictionary<string, long> StorageOpsDuringRun { get; init; }

    /// <summary>
    /// Rows of the StrategyFlowHistory table (all instances, sentinels excluded) per strategy at the end; null on memory. An
    /// instance that continued as new keeps only its last generation's rows, so this undercounts what was written.
    /// </summary>
    public double? HistoryEventsPerStrategy { get; init; }

    /// <summary>Orchestration episodes in the whole run (instance-row writes: one commits each episode); null on memory.</summary>
    public long? Episodes { get; init; }

    /// <summary>History rows in the whole run; null on memory.</summary>
    public long? HistoryEvents { get; init; }

    /// <summary>History rows in the whole run by event type (what the episodes did); null on memory.</summary>
    public IReadOnlyDictionary<string, long>? HistoryEventsByType { get; init; }

    /// <summary>Host CPU time during the run minus its idle rate × the run's duration, in milliseconds.</summary>
    public double HostCpuMs { get; init; }

    /// <summary>
    /// Per human action (a form POST, or a floor event post): storage operations by service and total (net of
    /// the idle rate, like the per-strategy counts), episodes, history events and host CPU-ms.
    /// </summary>
    public IReadOnlyDictionary<string, double?> PerHumanAction { get; init; } = new Dictionary<string, double?>();

    /// <summary>Storage operations per human action by "service operation resource", net of each one's idle rate, largest first.</summary>
    public IReadOnlyDictionary<string, double> StorageOpsPerHumanAction { get; init; } = new Dictionary<string, double>();

    /// <summary>Mail in the development mailbox after the run; null for the floor (it sends none).</summary>
    public int? MailSent { get; init; }

    /// <summary>Mail keys (<c>customArgs.messageKey</c>) delivered more than once; null for the floor.</summary>
    public int? MailDeliveredTwice { get; init; }

    /// <summary>Requests the simulated people made again because the host did not answer (only with <c>--kill-after</c>).</summary>
    public int Retries { get; init; }

    /// <summary>Minute by minute: arrivals, completions, backlog, posts and submission → next email.</summary>
    public IReadOnlyList<MinuteStats> Minutes { get; init; } = [];

    /// <summary>Open loop only: whether the backlog stayed flat and p95 submission → next email under the target.</summary>
    public SteadyVerdict? Steady { get; init; }

    /// <summary>With <c>--kill-after</c>: how the run resumed after the host was killed; null when not killed.</summary>
    public CrashRecovery? Crash { get; init; }

    public required string Machine { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}
