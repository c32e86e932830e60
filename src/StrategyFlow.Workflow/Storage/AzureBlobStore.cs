using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace StrategyFlow.Workflow.Storage;

/// <summary><see cref="IBlobStore"/> on Azure Blob Storage (managed identity on Azure, Azurite locally).</summary>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore
{
    private readonly ConcurrentDictionary<string, Task<BlobContainerClient>> _containers = new(StringComparer.Ordinal);

    public async Task<bool> WriteOnceAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = (await ContainerAsync(container)).GetBlobClient(name);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var existing = await blob.DownloadContentAsync(cancellationToken);
            return existing.Value.Content.ToMemory().Span.SequenceEqual(content.ToMemory().Span);
        }
    }

    public async Task<BinaryData?> ReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await (await ContainerAsync(container)).GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        (await (await ContainerAsync(container)).GetBlobClient(name).ExistsAsync(cancellationToken)).Value;

    public async Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix, CancellationToken cancellationToken = default)
    {
        var entries = new List<BlobEntry>();
        var client = await ContainerAsync(container);
        await foreach (var item in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            entries.Add(new BlobEntry(item.Name, item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MinValue));
        }

        return entries;
    }

    /// <summary>Creates each container once per process; a failed attempt is forgotten so the next call tries again.</summary>
    private async Task<BlobContainerClient> ContainerAsync(string name)
    {
        var creating = _containers.GetOrAdd(name, CreateAsync);
        try
        {
            return await creating;
        }
        catch (RequestFailedException)
        {
            _containers.TryRemove(new KeyValuePair<string, Task<BlobContainerClient>>(name, creating));
            throw;
        }
    }

    private async Task<BlobContainerClient> CreateAsync(string name)
    {
        var client = service.GetBlobContainerClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
