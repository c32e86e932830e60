using System.Globalization;

namespace StrategyFlow.Bench;

/// <summary>One benchmark run's parameters; <see cref="Parse"/> reads them from the command line.</summary>
public sealed record BenchOptions
{
    public int Strategies { get; init; } = 10;

    public int Stakeholders { get; init; } = 3;

    /// <summary><c>azurite</c> (Durable Task Azure Storage on Azurite) or <c>memory</c> (in-memory orchestration service).</summary>
    public string Backend { get; init; } = "azurite";

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

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan MailboxPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Folder for the JSON result; none is written when null.</summary>
    public string? OutputDirectory { get; init; }

    public static string Usage =>
        "StrategyFlow.Bench [--strategies N] [--stakeholders K] [--backend azurite|memory|both] [--partitions P]\n"
        + "                   [--idle-seconds S] [--timeout-minutes M] [--host-processors C] [--direct-storage]\n"
        + "                   [--azurite-in-memory] [--out DIR]";

    /// <summary>The runs asked for: one, or two (azurite, then memory) for <c>--backend both</c>.</summary>
    public static IReadOnlyList<BenchOptions> Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
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
                "--azurite-in-memory" => options with { AzuriteInMemory = true },
                "--out" => options with { OutputDirectory = Value() },
                "--backend" => Value() switch
                {
                    "azurite" or "memory" or "both" => options with { Backend = args[i] },
                    var other => throw new ArgumentException($"Unknown backend {other}.\n{Usage}"),
                },
                var other => throw new ArgumentException($"Unknown option {other}.\n{Usage}"),
            };
        }
        return options.Backend == "both" ? [options with { Backend = "azurite" }, options with { Backend = "memory" }] : [options];
    }
}
