using System.Globalization;

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

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan MailboxPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>File for the host's last output lines after the run (warnings and errors show there).</summary>
    public string? HostLog { get; init; }

    /// <summary>Folder for the JSON result; none is written when null.</summary>
    public string? OutputDirectory { get; init; }

    public static string Usage =>
        "StrategyFlow.Bench [--strategies N] [--stakeholders K] [--backend azurite|memory|both] [--partitions P]\n"
        + "                   [--idle-seconds S] [--timeout-minutes M] [--host-processors C] [--direct-storage]\n"
        + "                   [--azurite-in-memory] [--host-setting Section:Key=Value]...\n"
        + "                   [--versus Section:Key=Value | --baseline-host DLL | --floor]\n"
        + "                   [--host-log FILE] [--out DIR]";

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
                : throw new ArgumentException($"{args[i]} needs a positive whole number.\n{Usage}");
            options = args[i] switch
            {
                "--strategies" => options with { Strategies = Number() },
                "--stakeholders" => options with { Stakeholders = Number() },
                "--partitions" => options with { Partitions = Number() },
                "--idle-seconds" => options with { IdleBaseline = TimeSpan.FromSeconds(Number()) },
                "--timeout-minutes" => options with { Timeout = TimeSpan.FromMinutes(Number()) },
                "--host-processors" => options with { HostProcessors = Number() },
                "--direct-storage" => options with { DirectStorage = true },
                "--floor" => options with { Floor = true },
                "--azurite-in-memory" => options with { AzuriteInMemory = true },
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
        if (new[] { options.Backend == "both", options.Versus is not null, options.BaselineHost is not null, options.Floor }.Count(pair => pair) > 1)
        {
            throw new ArgumentException($"--backend both, --versus, --baseline-host and --floor each make a pair of runs: choose one.\n{Usage}");
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
        return options.Backend == "both" ? [options with { Backend = "azurite" }, options with { Backend = "memory" }] : [options];
    }

    static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, KeyValuePair<string, string> setting) =>
        new(settings) { [setting.Key] = setting.Value };
}

/// <summary>What a run drives.</summary>
public static class Workloads
{
    public const string StrategyFlow = "strategyflow";
    public const string Floor = "floor";
}
