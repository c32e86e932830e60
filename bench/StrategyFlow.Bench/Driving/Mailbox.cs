using System.Collections.Concurrent;
using System.Threading.Channels;

namespace StrategyFlow.Bench.Driving;

/// <summary>One message of <c>GET /dev/mailbox/messages</c>.</summary>
public sealed record MailItem(string Id, string To, string Subject, DateTimeOffset SentAt, IReadOnlyList<string> Links, IReadOnlyDictionary<string, string> CustomArgs)
{
    public string Strategy => CustomArgs.GetValueOrDefault("strategy", "");

    public string Stage => CustomArgs.GetValueOrDefault("stage", "");

    public string Kind => CustomArgs.GetValueOrDefault("kind", "");

    public int Round => int.TryParse(CustomArgs.GetValueOrDefault("round"), out var round) ? round : 0;

    /// <summary>The sender's idempotency key of the email: the same key twice is the same email delivered twice.</summary>
    public string MessageKey => CustomArgs.GetValueOrDefault("messageKey", "");
}

/// <summary>
/// Polls the development mailbox and hands each new message to the strategy it belongs to
/// (custom arg <c>strategy</c>). One poller for all strategies, asking only for messages sent since
/// shortly before the newest it has seen, keeps the load on the host small; latencies are taken from
/// the message's own <c>sentAt</c>, so the poll interval does not skew them.
/// </summary>
public sealed class Mailbox(HttpClient http, TimeSpan interval) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Channel<MailItem>> _inboxes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _polling;

    // A message becomes visible a moment after its sentAt: look back this far past the newest seen.
    private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(5);

    public ChannelReader<MailItem> InboxOf(string strategy) => Inbox(strategy).Reader;

    public void Start() => _polling = PollAsync(_stop.Token);

    /// <summary>Every message in the mailbox (after a run: one request, however many).</summary>
    public static async Task<IReadOnlyList<MailItem>> AllAsync(HttpClient http) =>
        await http.GetFromJsonAsync<List<MailItem>>("/dev/mailbox/messages") ?? [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_polling is not null)
        {
            try
            {
                await _polling;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
    }

    private Channel<MailItem> Inbox(string strategy) => _inboxes.GetOrAdd(strategy, _ => Channel.CreateUnbounded<MailItem>());

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        DateTimeOffset? newest = null;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            List<MailItem>? messages;
            try
            {
                var since = newest is { } n ? $"?since={Uri.EscapeDataString((n - LookBack).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}" : "";
                messages = await http.GetFromJsonAsync<List<MailItem>>($"/dev/mailbox/messages{since}", cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                continue; // the host is down or slow: the next tick asks again
            }
            foreach (var message in messages ?? [])
            {
                newest = newest is { } n && n > message.SentAt ? n : message.SentAt;
                if (_seen.Add(message.Id) && message.Strategy.Length > 0)
                {
                    Inbox(message.Strategy).Writer.TryWrite(message);
                }
            }
        }
    }
}
