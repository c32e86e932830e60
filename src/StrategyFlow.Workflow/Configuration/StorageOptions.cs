namespace StrategyFlow.Workflow.Configuration;

/// <summary><c>StrategyFlow:Storage</c>: the archive and the submitted answers (Blob Storage).</summary>
public sealed class StorageOptions
{
    /// <summary>Blob service URI, used with DefaultAzureCredential (Azure).</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>Connection string (local development with Azurite). Takes precedence when set.</summary>
    public string? ConnectionString { get; set; }
}
