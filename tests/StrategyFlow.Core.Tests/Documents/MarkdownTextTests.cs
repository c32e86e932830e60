using CsCheck;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StrategyFlow.Core.Documents;

namespace StrategyFlow.Core.Tests.Documents;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Plain words, commas; and questions?", "Plain words, commas; and questions?")]
    [InlineData("[x](javascript:alert(1))", @"\[x\]\(javascript\:alert\(1\)\)")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("1. item", @"1\. item")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("<b>&amp;", @"\<b\>\&amp;")]
    [InlineData("  line one\r\nline two\n", "line one  line two")]
    [InlineData(null, "")]
    public void Escape_Text_IsEscapedOnOneLine(string? text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));

    [Fact]
    public void Escape_AnyText_ParsesBackToTheSameLiteralText()
    {
        const string Alphabet = "ab 1.#*_-+=|[](){}<>!`~:&\"'$^@\\/\t\n\r\u2028\u00a0äé😀";
        var pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

        Gen.Char[Alphabet].Array[0, 40].Select(chars => new string(chars)).Sample(text =>
        {
            var expected = new string([.. text.Select(c => char.IsControl(c) || c == '\u2028' ? ' ' : c)]).Trim();
            var document = Markdown.Parse(MarkdownText.Escape(text), pipeline);

            if (expected.Length == 0)
            {
                Assert.Empty(document);
                return;
            }

            var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(document));
            var inlines = paragraph.Inline!.ToList();
            Assert.All(inlines, inline => Assert.IsType<LiteralInline>(inline));
            Assert.Equal(expected, string.Concat(inlines.Select(i => ((LiteralInline)i).Content.ToString())));
        }, iter: 2_000);
    }
}
