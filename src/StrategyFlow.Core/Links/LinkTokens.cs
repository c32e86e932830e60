using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StrategyFlow.Core.Framework;

namespace StrategyFlow.Core.Links;

public enum LinkRole
{
    /// <summary>Answers one round's form.</summary>
    Stakeholder,

    /// <summary>Decides one round's review.</summary>
    Approver,

    /// <summary>Reads the strategy as approved so far, read-only (every participant, once it ends; the owner as each stage is approved).</summary>
    Reader,

    /// <summary>Follows the strategy's progress, read-only (the owner).</summary>
    Owner,
}

/// <summary>
/// What a link grants: one participant, in one role, on one round of one stage of one run of a strategy,
/// until it expires. <paramref name="Run"/> is the random id the strategy got when this run started (empty
/// for runs started before runs had one): a strategy id started again never accepts the earlier run's links.
/// A <see cref="LinkRole.Reader"/> or <see cref="LinkRole.Owner"/> link is about the whole strategy: its round
/// is 0 and its stage the one the mail was about.
/// </summary>
public sealed record LinkClaims(
    string StrategyId,
    string Run,
    StageKey Stage,
    int Round,
    string Participant,
    LinkRole Role,
    DateTimeOffset ExpiresAt);

/// <summary>Link keys: the current one seals new tokens; it and the previous ones open them (rotation).</summary>
public sealed record LinkSigningKeys(byte[] Current, IReadOnlyList<byte[]> Previous)
{
    /// <summary>The AES-256 key is derived from it: less input than the 32 bytes wanted would weaken it.</summary>
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
    /// <summary>Not sealed under any of the keys: forged, changed or foreign.</summary>
    BadSignature,
    Expired,
}

public sealed record LinkVerification(LinkTokenStatus Status, LinkClaims? Claims)
{
    public bool IsValid => Status == LinkTokenStatus.Valid;
}

/// <summary>
/// Creates and verifies URL-safe link tokens: <c>v2.{base64url(nonce ‖ ciphertext ‖ tag)}</c>. The claims, as
/// newline-separated fields padded to a block of <see cref="PaddingBytes"/>, are encrypted and authenticated with
/// AES-256-GCM under a key derived (HKDF-SHA256) from the link key; the version is the associated data. So a
/// token shows nothing to whoever reads it (not the person, the strategy, the stage nor how long it lasts) and
/// cannot be changed or forged without the key. Verification never throws.
/// </summary>
public sealed class LinkTokens
{
    /// <summary>Longer input is refused before any work is done on it.</summary>
    public const int MaxTokenLength = 2_048;

    /// <summary>Payloads are padded to a multiple of this, so a token's length says little about its claims.</summary>
    public const int PaddingBytes = 64;

    private const string Version = "v2";
    private const char FieldSeparator = '\n';
    private const int FieldCount = 7;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes(Version);
    private static readonly byte[] KeyPurpose = Encoding.ASCII.GetBytes("StrategyFlow link token v2 AES-256-GCM");

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>The current key first: it seals; every key opens.</summary>
    private readonly byte[][] _keys;
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

        _keys = [.. keys.Previous.Prepend(keys.Current).Select(DeriveKey)];
        _time = time;
    }

    public string Create(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        EnsureField(claims.StrategyId, nameof(claims.StrategyId));
        EnsureField(claims.Participant, nameof(claims.Participant));
        if (claims.Run is null || (claims.Run.Length > 0 && !IsValidField(claims.Run)))
        {
            throw new ArgumentException("Run must be empty or text without control characters.", nameof(claims));
        }

        if (!Enum.IsDefined(claims.Stage))
        {
            throw new ArgumentException($"Unknown stage {claims.Stage}.", nameof(claims));
        }

        if (!Enum.IsDefined(claims.Role))
        {
            throw new ArgumentException($"Unknown role {claims.Role}.", nameof(claims));
        }

        if (claims.Round != (IsAboutTheStrategy(claims.Role) ? 0 : Math.Max(claims.Round, 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(claims), claims.Round, "A round is 1 or more; links about the whole strategy have round 0.");
        }

        string[] fields =
        [
            claims.StrategyId,
            claims.Run,
            claims.Stage.Number().ToString(CultureInfo.InvariantCulture),
            claims.Round.ToString(CultureInfo.InvariantCulture),
            claims.Participant.ToLowerInvariant(),
            RoleText(claims.Role),
            ExpirySeconds(claims.ExpiresAt).ToString(CultureInfo.InvariantCulture),
        ];
        var text = Encoding.UTF8.GetBytes(string.Join(FieldSeparator, fields));

        // Zero bytes pad the payload: no field may hold a control character, so they can only be padding.
        var payloadLength = (text.Length + PaddingBytes - 1) / PaddingBytes * PaddingBytes;
        var sealedToken = new byte[NonceBytes + payloadLength + TagBytes];
        var payload = new byte[payloadLength];
        text.CopyTo(payload, 0);
        var nonce = sealedToken.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_keys[0], TagBytes))
        {
            aes.Encrypt(nonce, payload, sealedToken.AsSpan(NonceBytes, payloadLength), sealedToken.AsSpan(NonceBytes + payloadLength), AssociatedData);
        }

        var token = $"{Version}.{Base64Url.EncodeToString(sealedToken)}";
        if (token.Length > MaxTokenLength)
        {
            throw new ArgumentException($"The claims make a token longer than {MaxTokenLength} characters.", nameof(claims));
        }

        return token;
    }

    /// <summary>
    /// Checks a token from a URL. Claims come back when it is valid, and when it is authentic but
    /// expired (so the page can offer the link's owner a fresh one); never for any other status. Never throws.
    /// </summary>
    public LinkVerification Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        var version = token.AsSpan(0, dot);
        if (!IsVersionLike(version))
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        if (!version.SequenceEqual(Version))
        {
            return Fail(LinkTokenStatus.UnsupportedVersion);
        }

        if (!TryDecodeCanonical(token.AsSpan(dot + 1), out var sealedToken) || sealedToken.Length < NonceBytes + PaddingBytes + TagBytes)
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        // Authenticity first: an expired forgery is a forgery.
        if (!TryOpen(sealedToken, out var payload))
        {
            return Fail(LinkTokenStatus.BadSignature);
        }

        if (!TryParseClaims(payload, out var claims))
        {
            return Fail(LinkTokenStatus.Malformed);
        }

        return _time.GetUtcNow() >= claims.ExpiresAt
            ? new LinkVerification(LinkTokenStatus.Expired, claims)
            : new LinkVerification(LinkTokenStatus.Valid, claims);
    }

    /// <summary>Decrypts with the first key under which the tag verifies.</summary>
    private bool TryOpen(byte[] sealedToken, out byte[] payload)
    {
        var nonce = sealedToken.AsSpan(0, NonceBytes);
        var ciphertext = sealedToken.AsSpan(NonceBytes, sealedToken.Length - NonceBytes - TagBytes);
        var tag = sealedToken.AsSpan(sealedToken.Length - TagBytes);
        payload = new byte[ciphertext.Length];
        foreach (var key in _keys)
        {
            using var aes = new AesGcm(key, TagBytes);
            try
            {
                aes.Decrypt(nonce, ciphertext, tag, payload, AssociatedData);
                return true;
            }
            catch (CryptographicException)
            {
                // Not this key: try the next one.
            }
        }

        return false;
    }

    /// <summary>Whole seconds, rounded up: a link never expires earlier than asked for.</summary>
    private static long ExpirySeconds(DateTimeOffset expiresAt)
    {
        var seconds = expiresAt.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds) < expiresAt ? seconds + 1 : seconds;
    }

    /// <summary>A key for this one purpose: the configured key itself is never used directly.</summary>
    private static byte[] DeriveKey(byte[] linkKey) => HKDF.DeriveKey(HashAlgorithmName.SHA256, linkKey, 32, salt: null, info: KeyPurpose);

    private static bool TryParseClaims(byte[] payload, out LinkClaims claims)
    {
        claims = null!;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                .GetString(payload.AsSpan(0, payload.AsSpan().TrimEnd((byte)0).Length));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var fields = text.Split(FieldSeparator);
        if (fields.Length != FieldCount
            || !IsValidField(fields[0])
            || (fields[1].Length > 0 && !IsValidField(fields[1]))
            || !TryParsePositive(fields[2], out var stageNumber)
            || !StageKeys.TryFromNumber(stageNumber, out var stage)
            || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            || !IsValidField(fields[4])
            || !TryParseRole(fields[5], out var role)
            || (round == 0) != IsAboutTheStrategy(role)
            || !long.TryParse(fields[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expires)
            || expires < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        claims = new LinkClaims(fields[0], fields[1], stage, round, fields[4], role, DateTimeOffset.FromUnixTimeSeconds(expires));
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

    /// <summary>Reader and owner links are about the whole strategy, not a round.</summary>
    public static bool IsAboutTheStrategy(LinkRole role) => role is LinkRole.Reader or LinkRole.Owner;

    private static string RoleText(LinkRole role) => role switch
    {
        LinkRole.Approver => "approver",
        LinkRole.Reader => "reader",
        LinkRole.Owner => "owner",
        _ => "stakeholder",
    };

    private static bool TryParseRole(string text, out LinkRole role)
    {
        foreach (var candidate in Enum.GetValues<LinkRole>())
        {
            if (RoleText(candidate) == text)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
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
