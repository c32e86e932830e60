using System.Text.Json;
using StrategyFlow.LocalHost.Hosting;

namespace StrategyFlow.LocalHost.Mailbox;

/// <summary>
/// The mailbox's messages, one JSON file each under <c>{data}/mailbox</c>, written atomically (temporary
/// file, flushed, then renamed), so a message the mailbox acknowledged survives a crash and a restart.
/// </summary>
public sealed partial class MailboxStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _directory;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredMessage> _messages = new(StringComparer.Ordinal);

    public MailboxStore(LocalContract contract, ILogger<MailboxStore> logger)
    {
        ArgumentNullException.ThrowIfNull(contract);
        _directory = Path.Combine(contract.DataDirectory, "mailbox");
        Directory.CreateDirectory(_directory);
        foreach (var temp in Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            File.Delete(temp); // a write cut short by a crash: it was never acknowledged
        }
        foreach (var file in Directory.EnumerateFiles(_directory, "*.json"))
        {
            try
            {
                var message = JsonSerializer.Deserialize<StoredMessage>(File.ReadAllText(file), Json);
                if (message is not null)
                {
                    _messages[message.Id] = message;
                }
            }
            catch (JsonException e)
            {
                LogUnreadable(logger, Path.GetFileName(file), e.Message);
            }
        }
    }

    /// <summary>A new message id: time-ordered, so file names sort like the inbox.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public async Task SaveAsync(IReadOnlyList<StoredMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var message in batch)
        {
            var path = Path.Combine(_directory, $"{message.Id}.json");
            var temp = $"{path}.tmp";
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(stream, message, Json, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        lock (_gate)
        {
            foreach (var message in batch)
            {
                _messages[message.Id] = message;
            }
        }
    }

    /// <summary>Newest first; <paramref name="to"/> keeps one recipient's messages only, <paramref name="since"/> those sent then or later.</summary>
    public IReadOnlyList<StoredMessage> List(string? to = null, DateTimeOffset? since = null)
    {
        lock (_gate)
        {
            return _messages.Values
                .Where(m => string.IsNullOrEmpty(to) || m.To.Email.Equals(to, StringComparison.OrdinalIgnoreCase))
                .Where(m => since is null || m.SentAt >= since)
                .OrderByDescending(m => m.SentAt)
                .ThenByDescending(m => m.Id, StringComparer.Ordinal)
                .ToList();
        }
    }

    public StoredMessage? Find(string id)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(id);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var id in _messages.Keys)
            {
                File.Delete(Path.Combine(_directory, $"{id}.json"));
            }
            _messages.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox file {File} is unreadable and was skipped: {Reason}")]
    static partial void LogUnreadable(ILogger logger, string file, string reason);
}
