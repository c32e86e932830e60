using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

public sealed class NoticeTests
{
    [Theory]
    [InlineData(NoticeKind.AnswerReceived, 200)]
    [InlineData(NoticeKind.DecisionRecorded, 200)]
    [InlineData(NoticeKind.RoundClosed, 200)]
    [InlineData(NoticeKind.FreshLinkSent, 200)]
    [InlineData(NoticeKind.LinkInvalid, 403)]
    [InlineData(NoticeKind.NotFound, 404)]
    [InlineData(NoticeKind.TooLarge, 413)]
    [InlineData(NoticeKind.BadRequest, 400)]
    [InlineData(NoticeKind.UnsupportedMediaType, 415)]
    [InlineData(NoticeKind.Unavailable, 503)]
    public void Notice_EveryKindInBothLanguages_HasItsStatusAndATitle(NoticeKind kind, int status)
    {
        foreach (var language in new[] { Language.Fi, Language.En })
        {
            var result = FormPages.Notice(kind, language);
            var document = HtmlForm.Parse(result.Html);

            Assert.Equal(status, result.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("h1")?.TextContent));
            Assert.Empty(document.Forms);
        }
    }

    [Fact]
    public void Notice_LinkExpired_OffersOneButtonThatPostsBackAndAsksForNothing()
    {
        foreach (var language in new[] { Language.Fi, Language.En })
        {
            var result = FormPages.Notice(NoticeKind.LinkExpired, language, "sanna@acme.example");
            var document = HtmlForm.Parse(result.Html);

            Assert.Equal(403, result.StatusCode);
            Assert.Equal(language == Language.Fi ? "fi" : "en", document.DocumentElement.GetAttribute("lang"));
            var form = Assert.Single(document.Forms);
            Assert.Equal("post", form.Method, ignoreCase: true);
            Assert.False(form.HasAttribute("action")); // back to the link itself
            var button = Assert.Single(form.QuerySelectorAll("button"));
            Assert.Equal(("action", FormPages.FreshLinkAction), (button.GetAttribute("name"), button.GetAttribute("value")));
            Assert.Empty(form.QuerySelectorAll("input, textarea, select"));
            Assert.DoesNotContain("acme", result.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Notice_RoundClosed_SaysTheRoundHasClosedAndNothingChanged()
    {
        var text = HtmlForm.Parse(FormPages.Notice(NoticeKind.RoundClosed, Language.En).Html).Body!.TextContent;

        Assert.Contains("This round has closed", text, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_Detail_IsShownAsText()
    {
        var document = HtmlForm.Parse(FormPages.Notice(NoticeKind.TooLarge, Language.En, "Answers are limited to 4000 characters.").Html);

        Assert.Equal("Answers are limited to 4000 characters.", document.QuerySelector(".notice .meta")!.TextContent);
    }

    [Fact]
    public void Notice_LinkInvalid_IsTheSameBilingualPageWhateverTheCauseAndShowsNoDetail()
    {
        const string Secret = "strategy acme-2027 expired for sanna@acme.example";
        var pages = new[]
        {
            FormPages.Notice(NoticeKind.LinkInvalid),
            FormPages.Notice(NoticeKind.LinkInvalid, Language.Fi),
            FormPages.Notice(NoticeKind.LinkInvalid, Language.En),
            FormPages.Notice(NoticeKind.LinkInvalid, Language.En, Secret),
        };

        Assert.All(pages, p => Assert.Equal(pages[0].Html, p.Html));
        Assert.All(pages, p => Assert.Equal(403, p.StatusCode));
        var document = HtmlForm.Parse(pages[0].Html);
        Assert.DoesNotContain("acme", pages[0].Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["fi", "en"], document.QuerySelectorAll(".lang").Select(e => e.GetAttribute("lang")));
        Assert.Contains("Linkki ei kelpaa", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("This link is not valid", document.Body!.TextContent, StringComparison.Ordinal);
    }
}
