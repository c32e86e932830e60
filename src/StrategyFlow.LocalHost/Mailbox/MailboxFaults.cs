using System.Globalization;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>
/// Shares of SendGrid requests the mailbox fails on purpose, and how long it holds each request before
/// answering (a slow SendGrid, so a test can kill the host while mail is being sent), for fault tests.
/// </summary>
public sealed record FaultRates(double Rate429, double Rate503, double DelaySeconds = 0)
{
    private const double LongestDelaySeconds = 600;

    public static FaultRates None { get; } = new(0, 0);

    /// <summary>What is wrong with these rates, or null when they are usable.</summary>
    public string? Problem() =>
        Rate429 is < 0 or > 1 || Rate503 is < 0 or > 1 || double.IsNaN(Rate429) || double.IsNaN(Rate503)
            ? "Each rate must be between 0 and 1."
            : Rate429 + Rate503 > 1 ? "The rates must add up to at most 1."
            : DelaySeconds is < 0 or > LongestDelaySeconds || double.IsNaN(DelaySeconds) ? $"The delay must be from 0 to {LongestDelaySeconds} seconds."
            : null;

    /// <summary>Parses <c>STRATEGYFLOW_MAILBOX_FAULTS</c>, e.g. <c>429:0.2,503:0.1</c> or <c>delay:5</c>.</summary>
    public static FaultRates Parse(string? spec)
    {
        var rates = None;
        foreach (var part in (spec ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                throw new FormatException($"Mailbox fault '{part}' is not like 429:0.2, 503:0.1 or delay:5.");
            }
            rates = pair[0] switch
            {
                "429" => rates with { Rate429 = rate },
                "503" => rates with { Rate503 = rate },
                "delay" => rates with { DelaySeconds = rate },
                _ => throw new FormatException($"Mailbox fault '{part}': only 429, 503 and delay can be injected."),
            };
        }
        return rates.Problem() is { } problem ? throw new FormatException($"Mailbox faults '{spec}': {problem}") : rates;
    }
}

/// <summary>The fault rates in force; tests switch them at run time through <c>POST /dev/mailbox/faults</c>.</summary>
public sealed class MailboxFaults(FaultRates initial)
{
    private volatile FaultRates _rates = initial;
    private int _held;

    /// <summary>Requests being held by the delay right now: a test knows mail is mid-send.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Holds a request for the configured delay.</summary>
    public async Task DelayAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var delay = _rates.DelaySeconds;
        if (delay <= 0)
        {
            return;
        }
        Interlocked.Increment(ref _held);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(delay), clock, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    public FaultRates Rates
    {
        get => _rates;
        set => _rates = value;
    }

    /// <summary>The status code to fail this request with, or null to serve it.</summary>
    public int? Roll()
    {
        var current = _rates;
        if (current.Rate429 == 0 && current.Rate503 == 0)
        {
            return null;
        }
        var roll = Random.Shared.NextDouble();
        return roll < current.Rate429 ? StatusCodes.Status429TooManyRequests
            : roll < current.Rate429 + current.Rate503 ? StatusCodes.Status503ServiceUnavailable
            : null;
    }
}
