using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace StrategyFlow.Core.Serialization;

/// <summary>The one JSON shape of StrategyFlow's data: camelCase, enums as their contract names.</summary>
public static class CoreJson
{
    /// <summary>Compact options for storage, events and hashing. Escapes HTML-sensitive characters.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>
    /// Indented options for documents people read. Letters such as ä stay readable; HTML-sensitive
    /// characters are still escaped.
    /// </summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true, JavaScriptEncoder.Create(UnicodeRanges.All));

    private static JsonSerializerOptions Create(bool indented, JavaScriptEncoder? encoder = null)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Both encoders escape <, >, &, ', " and +: safe to embed anywhere. The default one also
            // escapes all non-ASCII, which keeps the compact form (and so content hashes) pure ASCII.
            Encoder = encoder ?? JavaScriptEncoder.Default,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Lower-case hex SHA-256 of the value's compact JSON: the content hash recorded with approvals.</summary>
    public static string Sha256<T>(T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
