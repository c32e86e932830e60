using System.Globalization;
using StrategyFlow.Testing;

namespace StrategyFlow.Bench;

/// <summary>One benchmark run's parameters; <see cref="Parse"/> reads them from the command line.</summary>
public sealed record BenchOptions
{
    public int Strategies { get; init; } = 10;

    public int Stakeholders { get; init; } = 3;

    /// <summary><c>azurite</c> (Durable Task Azure Storage on Azurite) or <c>memory</c> (in-memory orchestration service).</summary>
    public string Backend { get; init; } = "azurite";

    /// <summary>
    /// <see cref="Workloads.StrategyFlow"/> (the local host, driven through its forms) or <see cref="Workloads.Floor"/>
    /// (the bare human-interaction orchestration on the same runtime, sent the same events).
    /// </summary>
    public string Workload { get; init; } = Workloads.StrategyFlow;

    /// <summary>Control-queue partitions of the Azure Storage backend (<c>LocalHost:Durable:PartitionCount</c>).</summary>
    public int Partitions { get; init; } = 1;

    /// <summary>How long the idle host is measured before the run, for the storage baseline.</summary>
    public TimeSpan IdleBaseline { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Azurite keeps everything in memory (<c>--inMemoryPersistence</c>) instead of on disk.</summary>
    public bool AzuriteInMemory { get; init; }

    /// <summary>Azurite's three services in one Node.js process, as before, instead of a process each.</summary>
    public bool AzuriteOneProcess { get; init; }

    /// <summary>A pair of runs: Azurite in one process, then a process per service (<c>--versus-azurite-processes</c>).</summary>
    public bool VersusAzuriteProcesses { get; init; }

    /// <summary>Azurite without this repository's preloads, scripts/azurite-*.cjs (<c>--azurite-as-shipped</c>).</summary>
    public bool AzuriteAsShipped { get; init; }

    /// <summary>A pair of runs: Azurite as shipped, then with the preloads (<c>--versus-azurite-fix</c>).</summary>
    public bool VersusAzuriteFix { get; init; }

    /// <summary>Azurite's table service without scripts/azurite-table-index.cjs (<c>--azurite-without-table-index</c>).</summary>
    public bool AzuriteWithoutTableIndex { get; init; }

    /// <summary>A pair of runs: the table service without its index preload, then with it (<c>--versus-table-index</c>).</summary>
    public bool VersusTableIndex { get; init; }

    /// <summary>The Azurite preloads this run asks for.</summary>
    public AzuritePreloads AzuritePreloads =>
        AzuriteAsShipped ? AzuritePreloads.None : AzuriteWithoutTableIndex ? AzuritePreloads.QueueFix : AzuritePreloads.All;

    /// <summary>Host talks to Azurite directly: no storage counts, but shows what the proxy itself costs.</summary>
    public bool DirectStorage { get; init; }

    /// <summary>
    /// DOTNET_PROCESSOR_COUNT for the host (0 = the machine's). The in-memory service runs as many work
    /// items at once as the host sees processors, and sleeps 500 ms when they are all busy.
    /// </summary>
    public int HostProcessors { get; init; }

    /// <summary>Extra host configuration, e.g. <c>LocalHost:Durable:MaxQueuePollingInterval=00:00:00.25</c>.</summary>
    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The local host to run; null = this repository's Release build.</summary>
    public string? HostAssembly { get; init; }

    /// <summary>
    /// Another build of the local host (e.g. an earlier commit's) to run first, then this one: a
    /// before/after of code changes in one invocation (<c>--baseline-host</c>).
    /// </summary>
    public string? BaselineHost { get; init; }

    /// <summary>A second run with this extra host setting, compared with the first (<c>--versus</c>).</summary>
    public KeyValuePair<string, string>? Versus { get; init; }

    /// <summary>StrategyFlow, then the floor at the same N and K, compared (<c>--floor</c>).</summary>
    public bool Floor { get; init; }

    /// <summary>
    /// Open loop (<c>--arrival-rate</c>): strategies per minute, started one every 60/R s for
    /// <see cref="ArrivalMinutes"/>, instead of all <see cref="Strategies"/> at once.
    /// </summary>
    public double? ArrivalRate { get; init; }

    /// <summary>Open loop (<c>--duration</c>): minutes of arrivals; <see cref="Strategies"/> is the rate × this.</summary>
    public double? ArrivalMinutes { get; init; }

    /// <summary>
    /// Mean seconds of an exponential think time before each person's action (<c>--think-time</c>); the
    /// stakeholders of a round then act concurrently. Null: everyone acts at once, stakeholders one after another.
    /// </summary>
    public double? ThinkTime { get; init; }

    /// <summary>Seed of the think times: the same seed draws the same think time for the same person.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>SIGKILL of the host this long into the run, then a restart on the same data (<c>--kill-after</c>).</summary>
    public TimeSpan? KillAfter { get; init; }

    /// <summary>
    /// <c>--find-rate</c>: open-loop rates to run in turn, lowest first, each on a fresh harness; the series stops
    /// after the first rate that is not steady.
    /// </summary>
    public IReadOnlyList<double>? FindRates { get; init; }

    /// <summary>Part of a <c>--find-rate</c> series: the series stops after the first run that is not steady.</summary>
    public bool StopWhenUnsteady { get; init; }

    /// <summary>Per strategy, from its start: what has not completed by then fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan MailboxPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>File for the host's last output lines after the run (warnings and errors show there).</summary>
    public string? HostLog { get; init; }

    /// <summary>Folder for the JSON result; none is written when null.</summary>
    public string? OutputDirectory { get; init; }

    public static string Usage =>
        "StrategyFlow.Bench [--strategies N] [--stakeholders K] [--backend azurite|memory|both] [--partitions P]\n"
        + "                   [--idle-seconds S] [--timeout-minutes M] [--host-processors C] [--direct-storage]\n"
        + "                   [--azurite-in-memory] [--azurite-one-process] [--azurite-as-shipped] [--azurite-without-table-index]\n"
        + "                   [--host-setting Section:Key=Value]...\n"
        + "                   [--versus Section:Key=Value | --versus-azurite-processes | --versus-azurite-fix | --versus-table-index\n"
        + "                    | --baseline-host DLL | --floor]\n"
        + "                   [--arrival-rate R --duration M | --find-rate R1,R2,... --duration M]\n"
        + "                   [--think-time S] [--seed N] [--kill-after S] [--host-log FILE] [--out DIR]";

    /// <summary>The runs asked for: one, or two (azurite, then memory) for <c>--backend both</c>.</summary>
    public static IReadOnlyList<BenchOptions> Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            KeyValuePair<string, string> Setting() => Value().Split('=', 2) is [var key, var value] && key.Length > 0
                ? KeyValuePair.Create(key, value)
                : throw new ArgumentException($"{args[i - 1]} needs Section:Key=Value.\n{Usage}");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.\n{Usage}");
            double Decimal(bool zeroAllowed = false) =>
                double.TryParse(Value(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && (d > 0 || (zeroAllowed && d == 0))
                    ? d
                    : throw new ArgumentException($"{args[i - 1]} needs a {(zeroAllowed ? "non-negative" : "positive")} number (a decimal point is allowed).\n{Usage}");
            IReadOnlyList<double> Rates()
            {
                var parts = Value().Split(',', StringSplitOptions.TrimEntries);
                var rates = parts.Select(p => double.TryParse(p, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : double.NaN).ToList();
                return rates.Any(double.IsNaN)
                    ? throw new ArgumentException($"{args[i - 1]} needs positive rates separated by commas, e.g. 10,20,30.\n{Usage}")
                    : rates.Order().Distinct().ToList();
            }
            options = args[i] switch
            {
                "--strategies" => options with { Strategies = Number() },
                "--stakeholders" => options with { Stakeholders = Number() },
                "--partitions" => options with { Partitions = Number() },
                "--idle-seconds" => options with { IdleBaseline = TimeSpan.FromSeconds(Number()) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(Number()) },
                "--host-processors" => options with { HostProcessors = Number() },
                "--arrival-rate" => options with { ArrivalRate = Decimal() },
                "--duration" => options with { ArrivalMinutes = Decimal() },
                "--think-time" => options with { ThinkTime = Decimal(zeroAllowed: true) },
                "--seed" => options with { Seed = Number() },
                "--kill-after" => options with { KillAfter = TimeSpan.FromSeconds(Number()) },
                "--find-rate" => options with { FindRates = Rates() },
                "--direct-storage" => options with { DirectStorage = true },
                "--floor" => options with { Floor = true },
                "--azurite-in-memory" => options with { AzuriteInMemory = true },
                "--azurite-one-process" => options with { AzuriteOneProcess = true },
                "--versus-azurite-processes" => options with { VersusAzuriteProcesses = true },
                "--azurite-as-shipped" => options with { AzuriteAsShipped = true },
                "--versus-azurite-fix" => options with { VersusAzuriteFix = true },
                "--azurite-without-table-index" => options with { AzuriteWithoutTableIndex = true },
                "--versus-table-index" => options with { VersusTableIndex = true },
                "--host-setting" => options with { HostSettings = With(options.HostSettings, Setting()) },
                "--versus" => options with { Versus = Setting() },
                "--out" => options with { OutputDirectory = Value() },
                "--host-log" => options with { HostLog = Value() },
                "--baseline-host" => options with { BaselineHost = Path.GetFullPath(Value()) },
                "--backend" => Value() switch
                {
                    "azurite" or "memory" or "both" => options with { Backend = args[i] },
                    var other => throw new ArgumentException($"Unknown backend {other}.\n{Usage}"),
                },
                var other => throw new ArgumentException($"Unknown option {other}.\n{Usage}"),
            };
        }
        if (new[] { options.Backend == "both", options.Versus is not null, options.VersusAzuriteProcesses, options.VersusAzuriteFix, options.VersusTableIndex, options.BaselineHost is not null, options.Floor }.Count(pair => pair) > 1)
        {
            throw new ArgumentException($"--backend both, --versus, --versus-azurite-processes, --versus-azurite-fix, --versus-table-index, --baseline-host and --floor each make a pair of runs: choose one.\n{Usage}");
        }
        options = OpenLoop(options, strategiesGiven: args.Contains("--strategies"));
        if (options.KillAfter is not null && (options.Backend != "azurite" || options.Floor))
        {
            throw new ArgumentException($"--kill-after needs the Azure Storage backend (the in-memory one dies with the host) and StrategyFlow, not --floor.\n{Usage}");
        }
        if (options.FindRates is { } findRates)
        {
            if (options.Backend == "both" || options.Versus is not null || options.VersusAzuriteProcesses || options.VersusAzuriteFix || options.VersusTableIndex || options.BaselineHost is not null)
            {
                throw new ArgumentException($"--find-rate makes its own series of runs: not with --backend both, --versus or --baseline-host.\n{Usage}");
            }
            return [.. findRates.Select(rate => WithRate(options, rate) with { StopWhenUnsteady = true })];
        }
        if (options.Floor)
        {
            return [options, options with { Workload = Workloads.Floor }];
        }
        if (options.BaselineHost is { } baseline)
        {
            return [options with { HostAssembly = baseline }, options];
        }
        if (options.Versus is { } versus)
        {
            return [options, options with { HostSettings = With(options.HostSettings, versus) }];
        }
        if (options.VersusAzuriteProcesses)
        {
            return [options with { AzuriteOneProcess = true }, options with { AzuriteOneProcess = false }];
        }
        if (options.VersusAzuriteFix)
        {
            return [options with { AzuriteAsShipped = true }, options with { AzuriteAsShipped = false }];
        }
        if (options.VersusTableIndex)
        {
            return [options with { AzuriteWithoutTableIndex = true }, options with { AzuriteWithoutTableIndex = false }];
        }
        return options.Backend == "both" ? [options with { Backend = "azurite" }, options with { Backend = "memory" }] : [options];
    }

    /// <summary>Checks the open-loop options together and sets the strategy count from the rate and duration.</summary>
    private static BenchOptions OpenLoop(BenchOptions options, bool strategiesGiven)
    {
        var findRates = options.FindRates;
        var openLoop = options.ArrivalRate is not null || findRates is not null;
        if (options.ArrivalRate is not null && findRates is not null)
        {
            throw new ArgumentException($"--arrival-rate runs one rate, --find-rate a series: choose one.\n{Usage}");
        }
        if (openLoop != options.ArrivalMinutes is not null)
        {
            throw new ArgumentException($"--arrival-rate and --find-rate need --duration (minutes of arrivals), and --duration needs one of them.\n{Usage}");
        }
        if (openLoop && strategiesGiven)
        {
            throw new ArgumentException($"With --arrival-rate or --find-rate the strategy count is the rate x --duration: leave out --strategies.\n{Usage}");
        }
        if (options.Floor && (openLoop || options.ThinkTime is not null))
        {
            throw new ArgumentException($"--floor compares closed-loop bursts only: not with --arrival-rate, --find-rate or --think-time.\n{Usage}");
        }
        return options.ArrivalRate is { } rate ? WithRate(options, rate) : options;
    }

    private static BenchOptions WithRate(BenchOptions options, double rate) => options with
    {
        ArrivalRate = rate,
        // Arrivals at 0, 60/R, 120/R... s, all of them before the duration ends.
        Strategies = Math.Max(1, (int)Math.Ceiling(rate * options.ArrivalMinutes!.Value - 1e-9)),
    };

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, KeyValuePair<string, string> setting) =>
        new(settings) { [setting.Key] = setting.Value };
}

/// <summary>What a run drives.</summary>
public static class Workloads
{
    public const string StrategyFlow = "strategyflow";
    public const string Floor = "floor";
}
