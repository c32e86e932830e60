using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;

namespace StrategyFlow.Core.Tests.Links;

public sealed class LinkTokensTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] KeyA = Key(1);
    private static readonly byte[] KeyB = Key(2);

    private static readonly LinkClaims Claims = new(
        "acme-2027", "r7Kq2VbX9mTz", StageKey.Audiences, 2, "Sanna.Sisalto@Acme.Example", LinkRole.Stakeholder, Now.AddDays(5));

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void Verify_TokenJustCreated_IsValidWithTheSameClaims()
    {
        var tokens = Tokens(KeyA);

        var result = tokens.Verify(tokens.Create(Claims));

        Assert.Equal(LinkTokenStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(Claims with { Participant = "sanna.sisalto@acme.example" }, result.Claims);
    }

    [Fact]
    public void Create_Token_IsUrlSafeAndVersioned()
    {
        var token = Tokens(KeyA).Create(Claims with { StrategyId = "ä/ö?&=#+ id", Participant = "x+y@example.com" });

        Assert.StartsWith("v2.", token, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9._-]+$", token);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void Create_Token_CarriesNoClaimInReadableForm()
    {
        var token = Tokens(KeyA).Create(Claims);

        // Whatever part of the token a reader decodes, neither the person nor the strategy shows.
        foreach (var part in token.Split('.'))
        {
            var decoded = Encoding.Latin1.GetString(Base64Url.IsValid(part) ? Base64Url.DecodeFromChars(part) : []);
            Assert.DoesNotContain("sanna", decoded + part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("acme", decoded + part, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Create_SameClaimsTwice_GivesTokensThatCannotBeLinked()
    {
        var tokens = Tokens(KeyA);

        var first = tokens.Create(Claims);
        var second = tokens.Create(Claims);

        Assert.NotEqual(first, second);
        Assert.Equal(tokens.Verify(first).Claims, tokens.Verify(second).Claims);
    }

    [Fact]
    public void Create_ParticipantsOfFortyLengths_GiveTokensOfAtMostTwoLengths()
    {
        var tokens = Tokens(KeyA);

        var lengths = Enumerable.Range(1, 40)
            .Select(n => tokens.Create(Claims with { Participant = $"{new string('a', n)}@acme.example" }).Length)
            .Distinct();

        Assert.InRange(lengths.Count(), 1, 2);
    }

    [Theory]
    [InlineData(LinkRole.Approver)]
    [InlineData(LinkRole.Stakeholder)]
    public void Verify_EachRoleAndStage_RoundTrips(LinkRole role)
    {
        var tokens = Tokens(KeyA);
        foreach (var stage in StageKeys.InOrder)
        {
            var claims = Claims with { Stage = stage, Role = role, Round = 7, Participant = "aino@acme.example" };
            Assert.Equal(claims, tokens.Verify(tokens.Create(claims)).Claims);
            Assert.Equal(claims with { Run = "" }, tokens.Verify(tokens.Create(claims with { Run = "" })).Claims);
        }
    }

    [Theory]
    [InlineData(LinkRole.Reader)]
    [InlineData(LinkRole.Owner)]
    public void Verify_ReadOnlyLinkOfTheWholeStrategy_RoundTripsWithRoundZero(LinkRole role)
    {
        var tokens = Tokens(KeyA);
        var claims = Claims with { Role = role, Round = 0, Participant = "olli@acme.example" };

        Assert.Equal(claims, tokens.Verify(tokens.Create(claims)).Claims);
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Create(claims with { Round = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Create(Claims with { Round = 0 }));
    }

    [Fact]
    public void Verify_AtOrAfterExpiry_IsExpired()
    {
        var tokens = Tokens(KeyA);
        var token = tokens.Create(Claims);

        _time.SetUtcNow(Claims.ExpiresAt.AddSeconds(-1));
        Assert.Equal(LinkTokenStatus.Valid, tokens.Verify(token).Status);
        _time.SetUtcNow(Claims.ExpiresAt);
        Assert.Equal(LinkTokenStatus.Expired, tokens.Verify(token).Status);
        _time.SetUtcNow(Claims.ExpiresAt.AddYears(1));
        var expired = tokens.Verify(token);
        Assert.Equal(LinkTokenStatus.Expired, expired.Status);
        Assert.False(expired.IsValid);
        Assert.Equal(Claims.StrategyId, expired.Claims?.StrategyId);
    }

    [Fact]
    public void Create_ExpiryBetweenTwoSeconds_IsRoundedUpNeverDown()
    {
        var tokens = Tokens(KeyA);

        var claims = tokens.Verify(tokens.Create(Claims with { ExpiresAt = Claims.ExpiresAt.AddMilliseconds(1) })).Claims;

        Assert.Equal(Claims.ExpiresAt.AddSeconds(1), claims?.ExpiresAt);
    }

    [Fact]
    public void Verify_ExpiredTokenSignedWithAnotherKey_IsBadSignature()
    {
        var forged = Tokens(KeyB).Create(Claims with { ExpiresAt = Now.AddDays(-1) });

        Assert.Equal(LinkTokenStatus.BadSignature, Tokens(KeyA).Verify(forged).Status);
    }

    [Fact]
    public void Verify_TokenSignedWithAnotherKey_IsBadSignature()
    {
        var result = Tokens(KeyA).Verify(Tokens(KeyB).Create(Claims));

        Assert.Equal(LinkTokenStatus.BadSignature, result.Status);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Verify_PartsSwappedBetweenTwoValidTokens_IsBadSignature()
    {
        var tokens = Tokens(KeyA);
        var mine = Base64Url.DecodeFromChars(tokens.Create(Claims).AsSpan(3));
        var theirs = Base64Url.DecodeFromChars(tokens.Create(Claims with { Role = LinkRole.Approver }).AsSpan(3));
        var spliced = mine[..12].Concat(theirs[12..]).ToArray();

        Assert.Equal(LinkTokenStatus.BadSignature, tokens.Verify($"v2.{Base64Url.EncodeToString(spliced)}").Status);
    }

    [Fact]
    public void Verify_ReadablePayloadInPlaceOfTheSealedOne_IsBadSignature()
    {
        var tokens = Tokens(KeyA);
        var sealedToken = Base64Url.DecodeFromChars(tokens.Create(Claims).AsSpan(3));
        var forged = (byte[])sealedToken.Clone();
        var readable = "acme-2027\nr7Kq2VbX9mTz\n2\n2\nsanna.sisalto@acme.example\napprover\n1900000000"u8;
        readable.CopyTo(forged.AsSpan(12));

        Assert.Equal(LinkTokenStatus.BadSignature, tokens.Verify($"v2.{Base64Url.EncodeToString(forged)}").Status);
    }

    [Fact]
    public void Verify_LinkOfTheEarlierFormat_IsUnsupportedVersion()
    {
        // The earlier format: readable claims and an HMAC, as links sent before this one were.
        var signed = $"v1.{Base64Url.EncodeToString("acme-2027\n2\n2\nsanna.sisalto@acme.example\nstakeholder\n1900000000"u8)}";
        var token = $"{signed}.{Base64Url.EncodeToString(HMACSHA256.HashData(KeyA, Encoding.ASCII.GetBytes(signed)))}";

        Assert.Equal(LinkTokenStatus.UnsupportedVersion, Tokens(KeyA).Verify(token).Status);
    }

    [Fact]
    public void Verify_OldKeyInPrevious_IsValidUntilTheKeyIsRemoved()
    {
        var oldToken = Tokens(KeyA).Create(Claims);

        var rotated = new LinkTokens(new LinkSigningKeys(KeyB, [Key(9), KeyA]), _time);
        var retired = new LinkTokens(new LinkSigningKeys(KeyB, [Key(9)]), _time);

        Assert.Equal(LinkTokenStatus.Valid, rotated.Verify(oldToken).Status);
        Assert.Equal(LinkTokenStatus.BadSignature, retired.Verify(oldToken).Status);
        Assert.Equal(LinkTokenStatus.BadSignature, Tokens(KeyA).Verify(rotated.Create(Claims)).Status);
    }

    [Theory]
    [InlineData("v1.abc.def")]
    [InlineData("v3.abc")]
    [InlineData("v0.abc.def")]
    [InlineData("v10.YWJj.ZGVm")]
    [InlineData("v1.")]
    public void Verify_OtherVersion_IsUnsupportedVersion(string token) =>
        Assert.Equal(LinkTokenStatus.UnsupportedVersion, Tokens(KeyA).Verify(token).Status);

    [Fact]
    public void Verify_SameContentUnderAnotherVersionPrefix_IsUnsupportedVersion()
    {
        var token = Tokens(KeyA).Create(Claims);

        Assert.Equal(LinkTokenStatus.UnsupportedVersion, Tokens(KeyA).Verify("v3" + token[2..]).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("v2")]
    [InlineData("v2.")]
    [InlineData("v2..")]
    [InlineData("v2.abc")]
    [InlineData("hello.world.token")]
    [InlineData("V2.abc")]
    [InlineData(".v2.abc")]
    [InlineData("v2.a$b")]
    [InlineData("v2.YWJj.ZGVm")]
    [InlineData("v2.zQ=")]
    [InlineData("v2.YW Jj")]
    public void Verify_Garbage_IsMalformed(string? token) =>
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify(token).Status);

    [Fact]
    public void Verify_BadBase64_IsMalformed()
    {
        var token = Tokens(KeyA).Create(Claims);

        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify($"{token}!").Status);
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify($"{token}=").Status);
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify($"{token}.").Status);
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify($"v2. {token[3..]}").Status);
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify($"v2.{token[3..40]}").Status);
    }

    [Fact]
    public void Verify_TokenWithChangedUnusedBits_IsMalformed()
    {
        // Short claims seal into 92 bytes, 123 base64 characters: the last one carries two unused bits, so a
        // lax decoder would read this changed token as the same one.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var tokens = Tokens(KeyA);
        var token = tokens.Create(Claims with { StrategyId = "a", Participant = "b@c.d" });
        Assert.Equal(3 + 123, token.Length);
        var changed = token[..^1] + Alphabet[Alphabet.IndexOf(token[^1], StringComparison.Ordinal) ^ 1];

        Assert.Equal(LinkTokenStatus.Malformed, tokens.Verify(changed).Status);
    }

    [Fact]
    public void Verify_PayloadSealedAsTheFormatSays_IsValid()
    {
        var result = Tokens(KeyA).Verify(Seal(KeyA, "acme\nrun\n1\n1\na@b.c\napprover\n1900000000"));

        Assert.Equal(LinkTokenStatus.Valid, result.Status);
        Assert.Equal(new LinkClaims("acme", "run", StageKey.Goals, 1, "a@b.c", LinkRole.Approver, DateTimeOffset.FromUnixTimeSeconds(1_900_000_000)), result.Claims);
    }

    [Theory]
    [InlineData("acme\nrun\n1\n1\na@b.c\nstakeholder")]
    [InlineData("acme\nrun\n1\n1\na@b.c\nstakeholder\n1900000000\nextra")]
    [InlineData("acme\nrun\n5\n1\na@b.c\nstakeholder\n1900000000")]
    [InlineData("acme\nrun\n1\n0\na@b.c\nstakeholder\n1900000000")]
    [InlineData("acme\nrun\n1\n+1\na@b.c\nstakeholder\n1900000000")]
    [InlineData("acme\nrun\n1\n1\na@b.c\nowner\n1900000000")]
    [InlineData("acme\nrun\n1\n1\na@b.c\nreader\n1900000000")]
    [InlineData("acme\nrun\n1\n0\na@b.c\nguest\n1900000000")]
    [InlineData("acme\nrun\n1\n1\na@b.c\nstakeholder\n99999999999999999")]
    [InlineData("\nrun\n1\n1\na@b.c\nstakeholder\n1900000000")]
    [InlineData("acme\nr\tun\n1\n1\na@b.c\nstakeholder\n1900000000")]
    public void Verify_PayloadWithWrongFields_IsMalformed(string payload) =>
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify(Seal(KeyA, payload)).Status);

    [Fact]
    public void Verify_OversizedInput_IsMalformed()
    {
        var token = Tokens(KeyA).Create(Claims);

        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify(token + new string('A', LinkTokens.MaxTokenLength)).Status);
        Assert.Equal(LinkTokenStatus.Malformed, Tokens(KeyA).Verify(new string('v', 1_000_000)).Status);
    }

    [Fact]
    public void Verify_AnySingleCharacterChanged_IsNeverValid()
    {
        var tokens = Tokens(KeyA);
        var token = tokens.Create(Claims);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %\0é";

        Gen.Select(Gen.Int[0, token.Length - 1], Gen.Char[Alphabet]).Sample((position, replacement) =>
        {
            if (token[position] == replacement)
            {
                return;
            }

            var changed = string.Concat(token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));
            Assert.NotEqual(LinkTokenStatus.Valid, tokens.Verify(changed).Status);
        }, iter: 5_000);
    }

    [Fact]
    public void Verify_EveryPositionWithEveryBitFlipped_IsNeverValid()
    {
        var tokens = Tokens(KeyA);
        var token = tokens.Create(Claims);
        var bytes = Encoding.ASCII.GetBytes(token);

        for (var position = 0; position < bytes.Length; position++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[position] ^= (byte)(1 << bit);
                Assert.NotEqual(LinkTokenStatus.Valid, tokens.Verify(Encoding.Latin1.GetString(flipped)).Status);
            }
        }
    }

    [Fact]
    public void Verify_TruncatedAtAnyLength_IsNeverValid()
    {
        var tokens = Tokens(KeyA);
        var token = tokens.Create(Claims);

        for (var length = 0; length < token.Length; length++)
        {
            Assert.NotEqual(LinkTokenStatus.Valid, tokens.Verify(token[..length]).Status);
        }
    }

    [Fact]
    public void Verify_RandomStrings_NeverThrowAndAreNeverValid()
    {
        var tokens = Tokens(KeyA);
        var prefix = Gen.OneOf("", "v1.", "v1.YWJj.", "v9.");
        // Near misses as well as noise: base64url text with padding, white space or a stray dot after it.
        var base64ish = Gen.Select(
            Gen.String["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"],
            Gen.OneOf("", "=", "==", " ", ".", "\n"),
            (text, tail) => text + tail);
        var rest = Gen.OneOf(Gen.String, base64ish);

        Gen.Select(prefix, rest).Sample((start, rest) =>
            Assert.NotEqual(LinkTokenStatus.Valid, tokens.Verify(start + rest).Status), iter: 20_000);
    }

    [Fact]
    public void Create_ClaimsThatCannotBeCarried_Throw()
    {
        var tokens = Tokens(KeyA);

        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { StrategyId = "" }));
        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { StrategyId = "a\nb" }));
        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { Participant = " " }));
        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { Run = "a\nb" }));
        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { Run = null! }));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Create(Claims with { Round = 0 }));
        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { Stage = (StageKey)9 }));
        Assert.Throws<ArgumentException>(() => tokens.Create(Claims with { StrategyId = new string('x', 3_000) }));
    }

    [Fact]
    public void Constructor_ShortKey_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new LinkTokens(new LinkSigningKeys(new byte[31], []), _time));
        Assert.Throws<ArgumentException>(() => new LinkTokens(new LinkSigningKeys(KeyA, [new byte[16]]), _time));
    }

    [Fact]
    public void FromBase64_StandardAndUrlSafeKeys_AreRead()
    {
        var keys = LinkSigningKeys.FromBase64(
            Convert.ToBase64String(KeyA), $" {Base64Url.EncodeToString(KeyB)} ,, {Convert.ToBase64String(Key(3))}");

        Assert.Equal(KeyA, keys.Current);
        Assert.Equal([KeyB, Key(3)], keys.Previous);
        Assert.Empty(LinkSigningKeys.FromBase64(Convert.ToBase64String(KeyA), "").Previous);
    }

    [Theory]
    [InlineData("c2hvcnQ=", "", "current")]
    [InlineData("not base64 at all!", "", "current")]
    [InlineData(null, "c2hvcnQ=", "previousCommaSeparated")]
    public void FromBase64_ShortOrInvalidKey_ThrowsAClearError(string? current, string previous, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            LinkSigningKeys.FromBase64(current ?? Convert.ToBase64String(KeyA), previous));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("link-signing key", error.Message, StringComparison.Ordinal);
    }

    private LinkTokens Tokens(byte[] key) => new(new LinkSigningKeys(key, []), _time);

    private static byte[] Key(byte seed) => SHA256.HashData([seed]);

    /// <summary>A token sealed by hand, as the format describes it, around any payload text.</summary>
    private static string Seal(byte[] linkKey, string payload)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, linkKey, 32, null, "StrategyFlow link token v2 AES-256-GCM"u8.ToArray());
        var text = Encoding.UTF8.GetBytes(payload);
        var padded = new byte[(text.Length + 63) / 64 * 64];
        text.CopyTo(padded, 0);
        var sealedToken = new byte[12 + padded.Length + 16];
        RandomNumberGenerator.Fill(sealedToken.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(sealedToken.AsSpan(0, 12), padded, sealedToken.AsSpan(12, padded.Length), sealedToken.AsSpan(12 + padded.Length), "v2"u8);
        return $"v2.{Base64Url.EncodeToString(sealedToken)}";
    }
}
