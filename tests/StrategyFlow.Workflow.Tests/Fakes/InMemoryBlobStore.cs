using System.Collections.Concurrent;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Tests.Fakes;

/// <summary>An in-memory <see cref="IBlobStore"/> with the same write-once semantics as the Azure one.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<(string Container, string Name), (byte[] Content, string ContentType, DateTimeOffset CreatedOn)> _blobs = new();
    private long _clock;

    public int Count => _blobs.Count;

    /// <summary>Listings and existence checks so far: the operations a batch of mail must not multiply.</summary>
    public int Lists => _lists;

    public int ExistenceChecks => _existenceChecks;

    private int _lists;
    private int _existenceChecks;

    public IReadOnlyList<string> Names(string container) =>
        _blobs.Keys.Where(k => k.Container == container).Select(k => k.Name).Order(StringComparer.Ordinal).ToList();

    public string? ContentType(string container, string name) => _blobs.TryGetValue((container, name), out var blob) ? blob.ContentType : null;

    public Task<bool> WriteOnceAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        var bytes = content.ToArray();
        // The time now, strictly increasing: "newest" stays unambiguous, as blob timestamps are in practice.
        var now = DateTimeOffset.UtcNow.UtcTicks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _clock);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _clock, next, last) != last);
        var created = new DateTimeOffset(next, TimeSpan.Zero);
        var stored = _blobs.GetOrAdd((container, name), (bytes, contentType, created));
        return Task.FromResult(stored.Content.AsSpan().SequenceEqual(bytes));
    }

    public Task<BinaryData?> ReadAsync(string container, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((container, name), out var blob) ? new BinaryData(blob.Content) : null);

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _existenceChecks);
        return Task.FromResult(_blobs.ContainsKey((container, name)));
    }

    public Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _lists);
        return Task.FromResult<IReadOnlyList<BlobEntry>>(_blobs
            .Where(b => b.Key.Container == container && b.Key.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(b => new BlobEntry(b.Key.Name, b.Value.CreatedOn))
            .ToList());
    }
}
