using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Markdig;
using Markdig.Syntax;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Samples;

namespace StrategyFlow.Core.Tests.Documents;

public sealed class DocumentRendererTests
{
    [Theory]
    [InlineData(Language.Fi, "fi")]
    [InlineData(Language.En, "en")]
    public void Html_Page_DeclaresTheStrategysLanguage(Language language, string code)
    {
        var page = Html(SampleStrategy.Document(language));

        Assert.Equal(code, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Acme Oy", page.QuerySelector(".eyebrow")!.TextContent);
    }

    [Theory]
    [InlineData(Language.Fi)]
    [InlineData(Language.En)]
    public void Html_Headings_StartAtOneH1AndNeverSkipALevel(Language language)
    {
        var levels = Html(SampleStrategy.Document(language)).QuerySelectorAll("h1, h2, h3, h4, h5, h6")
            .Select(h => h.LocalName[1] - '0').ToList();

        Assert.Equal(1, levels[0]);
        Assert.Single(levels, l => l == 1);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} is followed by h{pair.Second}."));
    }

    [Fact]
    public void Html_Tables_HaveColumnHeadersAndRowHeadersWithScope()
    {
        var page = Html(SampleStrategy.Document(Language.En));

        Assert.NotEmpty(page.QuerySelectorAll("table"));
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("thead th[scope=col]")));
        Assert.All(page.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
        Assert.All(page.QuerySelectorAll("tbody tr"), tr => Assert.Equal("row", tr.Children[0].GetAttribute("scope")));
    }

    [Fact]
    public void Html_Page_LoadsNothingAndPinsItsOwnStyleInTheContentSecurityPolicy()
    {
        var page = Html(SampleStrategy.Document(Language.Fi));

        Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, object, embed, a, form, base"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name is "src" or "href" or "style" or "action");
        var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        Assert.Equal(DocumentRenderer.HtmlContentSecurityPolicy, policy);
        var styleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(page.QuerySelector("style")!.TextContent)));
        Assert.Contains($"style-src 'sha256-{styleHash}'", policy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.QuerySelector("meta[name=referrer]")!.GetAttribute("content"));
    }

    [Fact]
    public void Html_Print_StartsEachStageOnANewPage()
    {
        var style = Html(SampleStrategy.Document(Language.En)).QuerySelector("style")!.TextContent;

        var print = style[style.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains(".stage,.trace{break-before:page", print, StringComparison.Ordinal);
        Assert.Contains("@page{size:A4", style, StringComparison.Ordinal);
        Assert.Equal(4, Html(SampleStrategy.Document(Language.En)).QuerySelectorAll("section.stage").Length);
    }

    [Fact]
    public void Render_Finnish_UsesFinnishWordsAndTheSeedsFramework()
    {
        var document = SampleStrategy.Document(Language.Fi);
        var text = Html(document).Body!.TextContent;

        Assert.Contains("Liiketoiminnan tavoitteet", text, StringComparison.Ordinal);
        Assert.Contains(InnerCycle.Activities.Principle.Fi, text, StringComparison.Ordinal);
        Assert.Contains(InnerCycle.Ownership.Questions[2].Fi, text, StringComparison.Ordinal);
        Assert.Contains("Muutoksia pyydetty", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Business goals", text, StringComparison.Ordinal);
        Assert.DoesNotContain(InnerCycle.Goals.Title.En, text, StringComparison.Ordinal);
        Assert.Contains("## 1\\. Tavoitteiden asettaminen", DocumentRenderer.ToMarkdown(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_English_UsesEnglishWordsAndFramework()
    {
        var document = SampleStrategy.Document(Language.En);
        var text = Html(document).Body!.TextContent;

        Assert.Contains("Business goals", text, StringComparison.Ordinal);
        Assert.Contains(InnerCycle.Activities.Principle.En, text, StringComparison.Ordinal);
        Assert.Contains("Changes requested", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Liiketoiminnan", text, StringComparison.Ordinal);
        Assert.DoesNotContain(InnerCycle.Goals.Title.Fi, text, StringComparison.Ordinal);
        Assert.Contains("## 4\\. Ownership", DocumentRenderer.ToMarkdown(document), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Fi, "19.1.2027 09:40", @"19\.1\.2027 09\:40 (2027\-01\-19T09\:40\:00Z)")]
    [InlineData(Language.En, "19 Jan 2027 09:40", @"19 Jan 2027 09\:40 (2027\-01\-19T09\:40\:00Z)")]
    public void Render_Dates_AreIsoUtcAndHumanInTheLanguage(Language language, string human, string markdown)
    {
        var document = SampleStrategy.Document(language);

        Assert.Contains($"<time datetime=\"2027-01-19T09:40:00Z\">{human}</time>", DocumentRenderer.ToHtml(document), StringComparison.Ordinal);
        Assert.Contains(markdown, DocumentRenderer.ToMarkdown(document), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void Render_UnderAnotherCurrentCulture_IsUnchanged(string culture)
    {
        var document = SampleStrategy.Document(Language.Fi);
        var expected = (DocumentRenderer.ToHtml(document), DocumentRenderer.ToMarkdown(document), DocumentRenderer.ToJson(document));
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(expected, (DocumentRenderer.ToHtml(document), DocumentRenderer.ToMarkdown(document), DocumentRenderer.ToJson(document)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Fact]
    public void Html_MultiLineAnswer_KeepsItsParagraphsAndLines()
    {
        var answers = Html(SampleStrategy.Document(Language.En)).QuerySelectorAll(".answer");

        Assert.Equal(2, answers[0].QuerySelectorAll("p").Length);
        Assert.Equal(2, answers[3].QuerySelectorAll("p br").Length);
    }

    [Fact]
    public void Render_RejectedAfterOneStage_ShowsOnlyWhatWasApproved()
    {
        var parts = SampleStrategy.Build(Language.En);
        var document = (parts with
        {
            Outcome = DocumentOutcome.Rejected,
            Stages = [parts.Stages[0]],
            Decisions = [.. parts.Decisions.Take(2), parts.Decisions[2] with { Decision = DecisionKind.Rejected, Comment = "Not now." }],
        }).ToDocument();

        var page = Html(document);

        Assert.Equal("Rejected", page.QuerySelector(".outcome .badge.tone-negative")!.TextContent);
        Assert.Single(page.QuerySelectorAll("section.stage"));
        Assert.Equal(3, page.QuerySelectorAll("#overview ~ table td").Count(td => td.TextContent == "Not approved"));
        Assert.Equal(3, document.Traceability.Count(r => r.Activity.Length == 0));
        RenderedSafety.AssertMarkdownIsSafe(DocumentRenderer.ToMarkdown(document));
    }

    [Theory]
    [InlineData(Language.Fi, DocumentOutcome.Cancelled, "Syy")]
    [InlineData(Language.En, DocumentOutcome.Cancelled, "Reason")]
    [InlineData(Language.Fi, DocumentOutcome.Rejected, "Perustelu")]
    [InlineData(Language.En, DocumentOutcome.Rejected, "Reason given")]
    public void Render_EndedWithAReason_ShowsTheReasonInEveryFormat(Language language, DocumentOutcome outcome, string label)
    {
        var parts = SampleStrategy.Build(language);
        var document = StrategyDocument.Create(parts.Header, outcome, [parts.Stages[0]], parts.Decisions, parts.Findings, parts.ArchivedAt, "Budget <moved> to *2028*");

        var page = Html(document);
        var markdown = DocumentRenderer.ToMarkdown(document);
        var json = DocumentRenderer.ToJson(document);

        var fact = page.QuerySelectorAll(".facts div").Single(d => d.QuerySelector("dt")!.TextContent == label);
        Assert.Equal("Budget <moved> to *2028*", fact.QuerySelector("dd")!.TextContent);
        Assert.Contains($"- **{MarkdownText.Escape(label + ":")}** {MarkdownText.Escape("Budget <moved> to *2028*")}\n", markdown, StringComparison.Ordinal);
        Assert.Equal("Budget <moved> to *2028*", DocumentRenderer.FromJson(json).Reason);
        RenderedSafety.AssertMarkdownIsSafe(markdown);
    }

    [Fact]
    public void Render_NothingRecorded_ShowsNotesInsteadOfEmptyTables()
    {
        var header = new StrategyHeader("empty", "Org", "Title", Language.En, new Person("Owner", "owner@example.com"), [], DateTimeOffset.UnixEpoch);
        var document = StrategyDocument.Create(header, DocumentOutcome.Cancelled, [], [], [], DateTimeOffset.UnixEpoch);

        var page = Html(document);
        var markdown = DocumentRenderer.ToMarkdown(document);

        Assert.Single(page.QuerySelectorAll("table"));
        Assert.Equal(
            ["No business goals were recorded.", "There are no approved goals.", "No findings.", "No decisions."],
            page.QuerySelectorAll("p.empty").Select(p => p.TextContent));
        Assert.Contains("*No findings\\.*", markdown, StringComparison.Ordinal);
        Assert.Equal("Cancelled", page.QuerySelector(".outcome .badge.tone-warning")!.TextContent);
    }

    [Theory]
    [InlineData(Language.Fi)]
    [InlineData(Language.En)]
    public void Render_SampleStrategy_IsSafeAndWellFormed(Language language)
    {
        var document = SampleStrategy.Document(language);
        var markdown = DocumentRenderer.ToMarkdown(document);

        RenderedSafety.AssertHtmlIsSafe(DocumentRenderer.ToHtml(document));
        RenderedSafety.AssertMarkdownIsSafe(markdown);
        var parsed = Markdown.Parse(markdown, RenderedSafety.Pipeline);
        Assert.Single(parsed.Descendants<HeadingBlock>(), h => h.Level == 1);
        Assert.Equal(Html(document).QuerySelectorAll("table").Length, parsed.Descendants<Markdig.Extensions.Tables.Table>().Count());
    }

    private static IDocument Html(StrategyDocument document) => RenderedSafety.ParseHtml(DocumentRenderer.ToHtml(document));
}
