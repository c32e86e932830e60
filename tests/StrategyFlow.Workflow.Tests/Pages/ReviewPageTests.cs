using System.Text.Json;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

public sealed class ReviewPageTests
{
    public static TheoryData<StageKey> Stages() => new(StageKeys.InOrder);

    [Theory]
    [MemberData(nameof(Stages))]
    public void ReviewPage_PostedBackUnchanged_ReadsTheDraft(StageKey stage)
    {
        var model = Samples.Review(stage);
        var html = FormPages.ReviewPage(model).Html;

        var form = HtmlForm.Submit(html, "approve");

        Assert.Equal(JsonSerializer.Serialize(model.Draft), JsonSerializer.Serialize(FormReader.ReadAnswer(stage, form)));
        Assert.Equal(FormActionKind.Approve, FormReader.ReadAction(form).Kind);
    }

    [Theory]
    [InlineData(Language.Fi, "Vastaamatta jäi")]
    [InlineData(Language.En, "Did not answer")]
    public void ReviewPage_ShowsWhoDidNotAnswerBeforeEverythingElse(Language language, string title)
    {
        var document = HtmlForm.Parse(FormPages.ReviewPage(Samples.Review(StageKey.Goals, language)).Html);

        var callout = document.QuerySelector("main > .callout")!;
        Assert.Equal(title, callout.QuerySelector("h2")!.TextContent);
        Assert.Equal(["pekka@acme.example"], callout.QuerySelectorAll("li").Select(li => li.TextContent));
    }

    [Fact]
    public void ReviewPage_EveryoneAnswered_SaysSo()
    {
        var model = Samples.Review(StageKey.Goals, Language.En) with { NotAnswered = [] };

        var document = HtmlForm.Parse(FormPages.ReviewPage(model).Html);

        Assert.Equal("Every stakeholder answered.", document.QuerySelector("main > .callout.ok")!.TextContent);
    }

    [Fact]
    public void ReviewPage_EveryStakeholdersAnswer_IsShownReadOnly()
    {
        var document = HtmlForm.Parse(FormPages.ReviewPage(Samples.Review(StageKey.Goals, Language.En)).Html);

        var sections = document.QuerySelectorAll("#answers section").ToList();
        Assert.Equal(["sanna@acme.example", "matti@acme.example"], sections.Select(s => s.QuerySelector("h3")!.TextContent));
        Assert.Contains("Matti: Liidejä ja parempaa työnantajakuvaa.", sections[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, sections[0].QuerySelectorAll("tbody tr").Length);
        Assert.Empty(document.QuerySelectorAll("#answers input, #answers textarea, #answers select"));
    }

    [Fact]
    public void ReviewPage_DraftItem_ShowsItsContributorsAndConflictsAndLeftoverConflictsAboveTheDraft()
    {
        var document = HtmlForm.Parse(FormPages.ReviewPage(Samples.Review(StageKey.Goals, Language.En)).Html);

        var row = HtmlForm.ById(document, "f-goals-0");
        Assert.Equal(["Proposed by:", "sanna@acme.example", "matti@acme.example"], row.QuerySelectorAll(".chips li").Select(li => li.TextContent));
        var conflict = row.QuerySelector(".conflict")!;
        Assert.Contains("Split evenly – Metric:", conflict.TextContent, StringComparison.Ordinal); // a tie the draft already settled
        Assert.Equal(["“Arvo A” – sanna@acme.example", "“Arvo B” – matti@acme.example"], conflict.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Empty(HtmlForm.ById(document, "f-goals-1").QuerySelectorAll(".chips, .conflict"));

        var leftover = Assert.Single(document.QuerySelectorAll("#h-draft ~ .conflict"));
        Assert.Contains("Poistettu kohta", leftover.TextContent, StringComparison.Ordinal);
        Assert.Contains("(empty) – matti@acme.example", leftover.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPage_Findings_ListErrorsFirstWithRuleIdsAndSayErrorsBlockApproval()
    {
        var document = HtmlForm.Parse(FormPages.ReviewPage(Samples.Review(StageKey.Activities, Language.En)).Html);

        var findings = HtmlForm.ById(document, "findings");
        Assert.Contains("Errors block approval", findings.TextContent, StringComparison.Ordinal);
        var items = findings.QuerySelectorAll("li").ToList();
        Assert.Equal(["Error", "Warning"], items.Select(li => li.QuerySelector(".badge")!.TextContent));
        Assert.Equal("The activity serves no approved goal.", items[0].QuerySelector("p")!.TextContent);
        Assert.Equal("activity-goal", items[0].QuerySelector(".rule")!.TextContent);
    }

    [Fact]
    public void ReviewPage_OnlyWarnings_DoesNotSayApprovalIsBlocked()
    {
        var model = Samples.Review(StageKey.Activities, Language.En);
        model = model with { Findings = [.. model.Findings.Where(f => f.Severity == Core.Coherence.Severity.Warning)] };

        var findings = HtmlForm.ById(HtmlForm.Parse(FormPages.ReviewPage(model).Html), "findings");

        Assert.DoesNotContain("Errors block approval", findings.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPage_HasTheCommentAndTheThreeDecisions()
    {
        var document = HtmlForm.Parse(FormPages.ReviewPage(Samples.Review(StageKey.Goals, Language.En) with { Comment = "Almost there" }).Html);

        Assert.Equal("Almost there", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)document.QuerySelector("textarea[name=comment]")!).Value);
        var decisions = document.QuerySelectorAll("#h-decision ~ .actions button").Select(b => (b.GetAttribute("value"), b.TextContent));
        Assert.Equal([("approve", "Approve stage"), ("requestChanges", "Request changes"), ("reject", "Reject strategy")], decisions);
    }

    [Fact]
    public void ReviewPage_MissingCommentError_Answers400AndIsShownAtTheComment()
    {
        var error = new FieldError("comment", "required", Samples.Message("Say what should change"));

        var result = FormPages.ReviewPage(Samples.Review(StageKey.Goals, Language.En, [error]));
        var document = HtmlForm.Parse(result.Html);

        Assert.Equal(400, result.StatusCode);
        var comment = document.QuerySelector("textarea[name=comment]")!;
        Assert.Equal("true", comment.GetAttribute("aria-invalid"));
        Assert.Equal("Say what should change", HtmlForm.ById(document, "f-comment-error").TextContent);
        Assert.Equal("#f-comment", document.QuerySelector(".error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public void ReviewPage_NoAnswers_SaysSoAndStillOffersTheEditor()
    {
        var model = Samples.Review(StageKey.Goals, Language.En) with { Answers = [], Draft = StageAnswer.Empty(StageKey.Goals) };

        var document = HtmlForm.Parse(FormPages.ReviewPage(model).Html);

        Assert.Equal("No stakeholder answered.", document.QuerySelector("#answers .empty")!.TextContent);
        Assert.NotNull(document.QuerySelector("input[name='goals[0].title']"));
    }
}
