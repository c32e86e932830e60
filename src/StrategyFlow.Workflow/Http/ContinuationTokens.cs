using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// The list's continuation tokens: the backend's own token, sealed with an HMAC over it and the list's
/// filters. The backend cannot tell a malformed token from a position (it answers an empty or wrong page),
/// so only a token this API issued for the same filters ever reaches it; any other is a 400.
/// </summary>
public sealed class ContinuationTokens
{
    private const int MacBytes = 16;

    private readonly byte[] _key;

    /// <summary>
    /// The key is derived from the link-signing key: every instance of a deployment shares it, and a value
    /// made for one purpose can never pass as the other.
    /// </summary>
    public ContinuationTokens(byte[] signingKey) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, salt: [], info: "StrategyFlow list continuation tokens"u8.ToArray());

    public string Seal(string backendToken, string filters)
    {
        var payload = Encoding.UTF8.GetBytes(backendToken);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Mac(payload, filters))}";
    }

    public bool TryOpen(string token, string filters, [NotNullWhen(true)] out string? backendToken)
    {
        backendToken = null;
        var parts = token.Split('.');
        if (parts.Length != 2 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return false;
        }

        var payload = Base64Url.DecodeFromChars(parts[0]);
        if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(parts[1]), Mac(payload, filters)))
        {
            return false;
        }

        backendToken = Encoding.UTF8.GetString(payload);
        return true;
    }

    private byte[] Mac(byte[] payload, string filters) =>
        HMACSHA256.HashData(_key, (byte[])[.. Encoding.UTF8.GetBytes(filters), 0, .. payload])[..MacBytes];
}
