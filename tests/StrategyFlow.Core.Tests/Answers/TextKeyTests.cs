using StrategyFlow.Core.Answers;

namespace StrategyFlow.Core.Tests.Answers;

public sealed class TextKeyTests
{
    [Theory]
    [InlineData("  LinkedIn\t Ads ", "linkedin ads")]
    [InlineData("ﬁnance", "finance")]
    [InlineData("ÄÄNI", "ääni")]
    [InlineData(" \n ", "")]
    public void Normalize_FoldsCaseSpaceAndCompatibilityForms(string text, string expected) =>
        Assert.Equal(expected, TextKey.Normalize(text));

    [Fact]
    public void Normalize_BrokenSurrogates_ReadAsReplacementCharacters()
    {
        // string.Normalize alone throws on these; a key must never throw.
        Assert.Equal("a\ufffd", TextKey.Normalize("A\ud800"));
        Assert.Equal("\ufffd\ufffdb", TextKey.Normalize("\udc00\ud800B"));
        Assert.Equal("👍", TextKey.Normalize("👍"));
    }
}
