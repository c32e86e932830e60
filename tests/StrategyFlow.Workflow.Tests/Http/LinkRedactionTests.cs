using System.Security.Cryptography;
using CsCheck;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>The one function both hosts use to keep form-link tokens out of telemetry and logs.</summary>
public sealed class LinkRedactionTests
{
    /// <summary>A real token: signed, its payload holding the participant's email.</summary>
    private static readonly string Token = new LinkTokens(
            new LinkSigningKeys(RandomNumberGenerator.GetBytes(32), []), TimeProvider.System)
        .Create(new LinkClaims("acme-2027", "r7Kq2VbX9mTz", StageKey.Goals, 1, "sanna@acme.example", LinkRole.Stakeholder, DateTimeOffset.UtcNow.AddDays(5)));

    public static TheoryData<string, string> Redacted => new()
    {
        { $"/api/forms/{Token}", "/api/forms/[redacted]" },
        { $"https://strategyflow.azurewebsites.net/api/forms/{Token}", "https://strategyflow.azurewebsites.net/api/forms/[redacted]" },
        { $"http://127.0.0.1:7071/api/forms/{Token}?lang=fi#top", "http://127.0.0.1:7071/api/forms/[redacted]?lang=fi#top" },
        { $"https://x.example/API/Forms/{Token}", "https://x.example/API/Forms/[redacted]" },
        { $"/api/forms/{Token}/", "/api/forms/[redacted]/" },
        { $"/api/forms/{Token}/document?format=md", "/api/forms/[redacted]/document?format=md" },
        { $"GET /api/forms/{Token}", "GET /api/forms/[redacted]" },
        { $"POST /api/forms/{Token} failed; GET /api/forms/{Token}x", "POST /api/forms/[redacted] failed; GET /api/forms/[redacted]" },
        { $"/dev/mailbox?next=%2Fapi%2Fforms%2F{Token}&page=2", "/dev/mailbox?next=%2Fapi%2Fforms%2F[redacted]&page=2" },
        { $"\"url\":\"/api/forms/{Token}\"", "\"url\":\"/api/forms/[redacted]\"" },
    };

    [Theory]
    [MemberData(nameof(Redacted))]
    public void Redact_FormLink_ReplacesOnlyTheToken(string text, string expected)
    {
        var redacted = LinkRedaction.Redact(text);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain(Token, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/api/health")]
    [InlineData("/api/strategies/acme-2027/document?format=html")]
    [InlineData("/api/forms")]
    [InlineData("/api/forms/")]
    [InlineData("/api/formsx/abc")]
    [InlineData("/dev/forms/abc")]
    [InlineData("ShowForm")]
    [InlineData("/api/forms/[redacted]?lang=fi")]
    public void Redact_TextWithoutAToken_IsUnchanged(string text) =>
        Assert.Same(text, LinkRedaction.Redact(text));

    [Fact]
    public void Redact_Null_IsEmpty() => Assert.Equal("", LinkRedaction.Redact((string?)null));

    [Fact]
    public void Redact_RedactedText_IsUnchanged()
    {
        var once = LinkRedaction.Redact($"https://x.example/api/forms/{Token}/?a=1");

        Assert.Equal(once, LinkRedaction.Redact(once));
    }

    [Fact]
    public void Redact_AbsoluteUri_ReturnsAUriWithoutTheToken()
    {
        var uri = new Uri($"https://strategyflow.azurewebsites.net/api/forms/{Token}?lang=en");

        var redacted = LinkRedaction.Redact(uri)!;

        Assert.True(redacted.IsAbsoluteUri);
        Assert.Equal("/api/forms/[redacted]", Uri.UnescapeDataString(redacted.AbsolutePath));
        Assert.Equal("?lang=en", redacted.Query);
        Assert.DoesNotContain(Token, redacted.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, redacted.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_RelativeUri_ReturnsARelativeUriWithoutTheToken()
    {
        var redacted = LinkRedaction.Redact(new Uri($"/api/forms/{Token}", UriKind.Relative))!;

        Assert.False(redacted.IsAbsoluteUri);
        Assert.Equal("/api/forms/[redacted]", redacted.OriginalString);
    }

    [Fact]
    public void Redact_UriOfAnotherRoute_IsTheSameInstance()
    {
        var uri = new Uri("https://x.example/api/strategies/acme-2027");

        Assert.Same(uri, LinkRedaction.Redact(uri));
    }

    [Fact]
    public void Redact_AnyTokenInAnyUrl_LeavesNoTraceOfIt()
    {
        var tokenChars = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%"];
        Gen.Select(
                Gen.OneOf<string>("", "https://x.example", "http://127.0.0.1:7071", "GET "),
                Gen.OneOf<string>("/api/forms/", "/API/FORMS/", "/Api/Forms/"),
                tokenChars.Array[8, 300].Select(c => new string(c)),
                Gen.OneOf<string>("", "/", "?lang=fi", "#x", " 200", "/?a=b"))
            .Sample((prefix, route, token, suffix) =>
            {
                var redacted = LinkRedaction.Redact(prefix + route + token + suffix);
                return redacted == prefix + route + LinkRedaction.Placeholder + suffix;
            });
    }
}
