using DurableTask.AzureStorage;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// The gRPC sidecar can hand the storage backend an orchestration's tags as Google.Protobuf's
/// <c>MapField&lt;string, string&gt;</c>. The backend writes queue messages with Json.NET type names
/// and cannot resolve that type when reading them back, so such a message would be poisoned. Tags are
/// plain string pairs: read them as a dictionary.
/// </summary>
internal sealed class ProtobufTagsTypeBinder : ICustomTypeBinder
{
    private const string MapField = "Google.Protobuf.Collections.MapField`2";

    public void BindToName(Type serializedType, out string assemblyName, out string typeName)
    {
        ArgumentNullException.ThrowIfNull(serializedType);
        // The backend's own naming: full name, no assembly.
        assemblyName = null!;
        typeName = serializedType.FullName!;
    }

    public Type? BindToType(string assemblyName, string typeName) =>
        typeName?.StartsWith(MapField, StringComparison.Ordinal) == true ? typeof(Dictionary<string, string>) : null;
}
