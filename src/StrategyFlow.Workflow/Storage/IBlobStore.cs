namespace StrategyFlow.Workflow.Storage;

/// <summary>
/// The few blob operations StrategyFlow needs. Azure Blob Storage (or Azurite) in the hosts; an
/// in-memory store in tests. Every write is write-once: content never changes once written.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Writes the blob unless it exists (<c>If-None-Match: *</c>). Returns true when written or when
    /// identical content was already there (a retry); false when different content is there.
    /// </summary>
    public Task<bool> WriteOnceAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The blob's content, or null when it does not exist.</summary>
    public Task<BinaryData?> ReadAsync(string container, string name, CancellationToken cancellationToken = default);

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Blobs whose names start with the prefix, with their creation time.</summary>
    public Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix, CancellationToken cancellationToken = default);
}

public sealed record BlobEntry(string Name, DateTimeOffset CreatedOn);

/// <summary>The two containers: the archive people keep, and working storage for answers, reviews and the mail ledger.</summary>
public static class Containers
{
    public const string Archive = "strategies";
    public const string Submissions = "submissions";
}
