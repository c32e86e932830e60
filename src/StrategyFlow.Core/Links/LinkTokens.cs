using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Links;

public enum LinkRole
{
    Stakeholder,
    Approver,
}

/// <summary>What a link grants: one participant, in one role, on one round of one stage, until it expires.</summary>
public sealed record LinkClaims(
    string StrategyId,
    StageKey Stage,
    int Round,
    string Participant,
    LinkRole Role,
    DateTimeOffset ExpiresAt);

/// <summary>Signing keys: the current one signs; it and the previous ones verify (rotation).</summary>
public sealed record LinkSigningKeys(byte[] Current, IReadOnlyList<byte[]> Previous)
{
    /// <summary>HMAC-SHA256 keys shorter than the hash output weaken it (RFC 2104 §3).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Reads keys as configuration holds them: the current key and a comma-separated list of
    /// previous keys (may be empty), each standard or URL-safe base64 of at least 32 bytes.
    /// Messages never contain key material.
    /// </summary>
    public static LinkSigningKeys FromBase64(string current, string? previousCommaSeparated)
    {
        ArgumentNullException.ThrowIfNull(current);
        var currentKey = DecodeKey(current, nameof(current), "The current link-signing key");
        var previous = new List<byte[]>();
        var entries = (previousCommaSeparated ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            previous.Add(DecodeKey(entries[i], nameof(previousCommaSeparated), $"Previous link-signing key #{i + 1}"));
        }

        return new LinkSigningKeys(currentKey, previous);
    }

    internal static void EnsureLongEnough(byte[]? key, string paramName, string what)
    {
        if (key is null || key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"{what} must be at least {MinimumKeyBytes} bytes; it is {key?.Length ?? 0}.", paramName);
        }
    }

    private static byte[] DecodeKey(string text, string paramName, string what)
    {
        var trimmed = text.Trim();
        var key = TryDecodeBase64(trimmed) ?? TryDecodeBase64Url(trimmed)
            ?? throw new ArgumentException($"{what} is not valid base64.", paramName);
        EnsureLongEnough(key, paramName, what);
        return key;
    }

    private static byte[]? TryDecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    private static byte[]? TryDecodeBase64Url(string text) =>
        text.Length > 0 && Base64Url.IsValid(text) ? Base64Url.DecodeFromChars(text) : null;
}

public enum LinkTokenStatus
{
    Valid,
    Malformed,
    UnsupportedVersion,
    BadSignature,
    Expired,
}

public sealed record LinkVerification(LinkTokenStatus Status, LinkClaims? Claims)
{
    public bool IsValid => Status == LinkTokenStatus.Valid;
}

/// <summary>
/// Creates and verifies signed, URL-safe link tokens (HMAC-SHA256):
/// <c>v1.{base64url(payload)}.{base64url(mac)}</c>, where the MAC covers the text <c>v1.{payload}</c>
/// and the payload is the claims as newline-separated fields. Verification never throws.
/// </summary>
public sealed class LinkTokens
{
    /// <summary>Longer input is refused before any work is done on it.</summary>
    public const int MaxTokenLength = 2_048;

    private const string Version = "v1";
    private const char FieldSeparator = '\n';
    private const int FieldCount = 6;
    private const int MacBytes = 32;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly LinkSigningKeys _keys;
    private readonly TimeProvider _time;

    public LinkTokens(LinkSigningKeys keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        LinkSigningKeys.EnsureLongEnough(keys.Current, nameof(keys), "The current link-signing key");
        ArgumentNullException.ThrowIfNull(keys.Previous, nameof(keys));
        for (var i = 0; i < keys.Previous.Count; i++)
        {
            LinkSigningKeys.EnsureLongEnough(keys.Previous[i], nameof(keys), $"Previous link-signing key #{i + 1}");
        }

        _keys = keys;
        _time = time;
    }

    public string Create(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        EnsureField(claims.StrategyId, nameof(claims.StrategyId));
        EnsureField(claims.Participant, nameof(claims.Participant));
        if (!Enum.IsDefined(claims.Stage))
        {
            throw new ArgumentException($"Unknown stage {claims.Stage}.", nameof(claims));
        }

        if (!Enum.IsDefined(claims.Role))
        {
            throw new ArgumentException($"Unknown role {claims.Role}.", nameof(claims));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(claims.Round, 1, nameof(claims));

        string[] fields =
        [
            claims.StrategyId,
            claims.Stage.Number().ToString(CultureInfo.InvariantCulture),
            claims.Round.ToString(CultureInfo.InvariantCulture),
            claims.Participant.ToLowerInvariant(),
            RoleText(claims.Role),
            claims.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ];
        var signed = $"{Version}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(FieldSeparator, fields)))}";
        var token = $"{signed}.{Base64Url.EncodeToString(Mac(_keys.Current, signed))}";
        if (token.Length > MaxTokenLength)
        {
            throw new ArgumentException($"The claims make a token longer than {MaxTokenLength} characters.", nameof(claims));
        }

        return token;
    }

    /// <summary>
    /// Checks a token from a URL. Claims come back when it is valid, and when it is authentic but
    /// expired (so a page can say which link expired); never for any other status. Never throws.
    /// </summary>
    public LinkVerification Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        if (firstDot < 0)
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        var version = token.AsSpan(0, firstDot);
        if (!IsVersionLike(version))
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        if (!version.SequenceEqual(Version))
        {
            return Fail(LinkTokenStatus.UnsupportedVersion);
        }

        var lastDot = token.LastIndexOf('.');
        if (lastDot == firstDot)
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        var payloadText = token.AsSpan(firstDot + 1, lastDot - firstDot - 1);
        var macText = token.AsSpan(lastDot + 1);
        if (!TryDecodeCanonical(payloadText, out var payload)
            || !TryDecodeCanonical(macText, out var mac)
            || mac.Length != MacBytes
            || !TryParseClaims(payload, out var claims))
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        // The signature is checked before expiry: an expired forgery is a forgery.
        if (!SignedByAnyKey(token.AsSpan(0, lastDot), mac))
        {
            return Fail(LinkTokenStatus.BadSignature);
        }

        return _time.GetUtcNow() >= claims.ExpiresAt
            ? new LinkVerification(LinkTokenStatus.Expired, claims)
            : new LinkVerification(LinkTokenStatus.Valid, claims);
    }

    private bool SignedByAnyKey(ReadOnlySpan<char> signed, byte[] mac)
    {
        var data = Encoding.ASCII.GetBytes(signed.ToString());
        var valid = CryptographicOperations.FixedTimeEquals(Mac(_keys.Current, data), mac);
        foreach (var key in _keys.Previous)
        {
            valid |= CryptographicOperations.FixedTimeEquals(Mac(key, data), mac);
        }

        return valid;
    }

    private static byte[] Mac(byte[] key, string signed) => Mac(key, Encoding.ASCII.GetBytes(signed));

    private static byte[] Mac(byte[] key, byte[] data) => HMACSHA256.HashData(key, data);

    private static bool TryParseClaims(byte[] payload, out LinkClaims claims)
    {
        claims = null!;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var fields = text.Split(FieldSeparator);
        if (fields.Length != FieldCount
            || !IsValidField(fields[0])
            || !TryParsePositive(fields[1], out var stageNumber)
            || !StageKeys.TryFromNumber(stageNumber, out var stage)
            || !TryParsePositive(fields[2], out var round)
            || !IsValidField(fields[3])
            || !TryParseRole(fields[4], out var role)
            || !long.TryParse(fields[5], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expires)
            || expires < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        claims = new LinkClaims(fields[0], stage, round, fields[3], role, DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    /// <summary>Only the encoding <see cref="Base64Url"/> itself produces: no padding, white space or stray bits.</summary>
    private static bool TryDecodeCanonical(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty || text.ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != OperationStatus.Done
            || consumed != text.Length)
        {
            return false;
        }

        bytes = buffer[..written];
        return text.SequenceEqual(Base64Url.EncodeToString(bytes));
    }

    private static bool IsVersionLike(ReadOnlySpan<char> version) =>
        version.Length is >= 2 and <= 8 && version[0] == 'v' && version[1..].IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool TryParsePositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;

    private static string RoleText(LinkRole role) => role == LinkRole.Approver ? "approver" : "stakeholder";

    private static bool TryParseRole(string text, out LinkRole role)
    {
        role = text == "approver" ? LinkRole.Approver : LinkRole.Stakeholder;
        return text is "approver" or "stakeholder";
    }

    private static bool IsValidField(string value) =>
        !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl);

    private static void EnsureField(string value, string name)
    {
        if (!IsValidField(value))
        {
            throw new ArgumentException($"{name} must be non-empty text without control characters.", name);
        }
    }

    private static LinkVerification Fail(LinkTokenStatus status) => new(status, null);
}
