using System.Text.Json;
using AngleSharp.Html.Dom;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

public sealed class StakeholderFormTests
{
    public static TheoryData<StageKey, Language> StagesAndLanguages() => Samples.StagesAndLanguages();

    public static TheoryData<StageKey> Stages() => new(StageKeys.InOrder);

    [Theory]
    [MemberData(nameof(StagesAndLanguages))]
    public void StakeholderForm_EveryStageAndLanguage_ShowsTheStageAndAFieldPerQuestion(StageKey stage, Language language)
    {
        var result = FormPages.StakeholderForm(Samples.Form(stage, language));
        var document = HtmlForm.Parse(result.Html);
        var definition = InnerCycle.Get(stage);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(language == Language.Fi ? "fi" : "en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(definition.Title.In(language), document.QuerySelector("h1")!.TextContent);
        Assert.Contains(definition.Guidance.In(language), document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(definition.Principle.In(language), document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Acme Oy", document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        for (var i = 0; i < definition.Questions.Count; i++)
        {
            var area = Assert.IsAssignableFrom<IHtmlTextAreaElement>(document.QuerySelector($"textarea[name='responses[{i}]']"));
            Assert.Equal(definition.Questions[i].In(language), document.QuerySelector($"label[for='{area.Id}']")!.TextContent);
            Assert.Equal(Limits.LongText.ToString(System.Globalization.CultureInfo.InvariantCulture), area.GetAttribute("maxlength"));
        }
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void StakeholderForm_PostedBackUnchanged_ReadsTheSameAnswer(StageKey stage)
    {
        var html = FormPages.StakeholderForm(Samples.Form(stage)).Html;

        var read = FormReader.ReadAnswer(stage, HtmlForm.Submit(html, "submit"));

        Assert.Equal(Json(Samples.Answer(stage)), Json(read));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void StakeholderForm_EveryControl_HasALabel(StageKey stage)
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(stage, Language.En)).Html);

        var controls = document.QuerySelectorAll("input:not([type=hidden]), textarea, select");
        Assert.NotEmpty(controls);
        Assert.All(controls, c => Assert.NotNull(document.QuerySelector($"label[for='{c.Id}']")));
        Assert.Equal(controls.Length, controls.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void StakeholderForm_RowsMarkedRemovedAndBlankRows_AreDropped()
    {
        var html = FormPages.StakeholderForm(Samples.Form(StageKey.Goals) with { Blank = new BlankRows(new Dictionary<string, int> { ["goals"] = 3 }) }).Html;

        var form = HtmlForm.Submit(html, "submit", fields => fields["goals[0].remove"] = ["true"]);
        var read = FormReader.ReadAnswer(StageKey.Goals, form);

        Assert.Equal(5, HtmlForm.Parse(html).QuerySelectorAll("input[name$='.title']").Length);
        Assert.Equal([Samples.Answer(StageKey.Goals).Goals[1]], read.Goals);
    }

    [Fact]
    public void StakeholderForm_GoalsStage_OffersTheBusinessGoalsAndSelectsTheChosenOne()
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(StageKey.Goals)).Html);

        var select = Assert.IsAssignableFrom<IHtmlSelectElement>(document.QuerySelector("select[name='goals[1].businessGoal']"));
        Assert.Equal(["", .. Samples.Context.BusinessGoals], select.Options.Select(o => o.Value));
        Assert.Equal("Vahvistaa työnantajakuvaa", select.Value);
    }

    [Fact]
    public void StakeholderForm_ChannelAudiences_TickKnownAudiencesAndKeepNewNamesInTheTextInput()
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(StageKey.Audiences)).Html);

        var boxes = document.QuerySelectorAll("input[name='channels[1].audiences']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(["IT-päättäjät", "Opiskelijat"], boxes.Select(b => b.Value));
        Assert.Equal([false, true], boxes.Select(b => b.IsChecked));
        Assert.Equal("Alumnit", ((IHtmlInputElement)document.QuerySelector("input[name='channels[1].audiencesText']")!).Value);
    }

    [Fact]
    public void StakeholderForm_Activities_OfferApprovedGoalsAndChannelsAndKeepUnapprovedChoicesVisible()
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(StageKey.Activities)).Html);

        var goals = document.QuerySelectorAll("input[name='activities[1].goals']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal([.. Samples.Context.ApprovedGoals, "Vanha tavoite"], goals.Select(b => b.Value));
        Assert.Equal([false, true, true], goals.Select(b => b.IsChecked));
        var channels = document.QuerySelectorAll("input[name='activities[2].channels']").Cast<IHtmlInputElement>();
        Assert.Equal(Samples.Context.ApprovedChannels, channels.Select(b => b.Value));
    }

    [Fact]
    public void StakeholderForm_Ownership_HasARowForEveryApprovedChannelAndActivity()
    {
        var model = Samples.Form(StageKey.Ownership) with { Answer = StageAnswer.Empty(StageKey.Ownership) };
        var document = HtmlForm.Parse(FormPages.StakeholderForm(model).Html);

        Assert.Equal(Samples.Context.ApprovedChannels, Values(document, "input[type=hidden][name^='channelOwners['][name$='.channel']"));
        Assert.Equal(Samples.Context.ApprovedActivities, Values(document, "input[type=hidden][name^='activityOwners['][name$='.activity']"));
        Assert.Equal("LinkedIn", document.QuerySelector("label[for='f-channelOwners-0-owner']")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("button[value='add:channelOwners'], button[value='add:activityOwners']"));
    }

    [Fact]
    public void StakeholderForm_OwnerErrors_AreShownAtTheOwnersRowWhateverOrderTheAnswerHasThem()
    {
        // The answer lists Instagram first; the form shows the approved channels in their own order.
        var answer = StageAnswer.Empty(StageKey.Ownership) with
        {
            ChannelOwners = [new("Instagram", "x"), new("TikTok", "Liisa"), new("LinkedIn", "Sanna")],
        };
        FieldError[] errors = [new("channelOwners[0].owner", "invalid", Samples.Message("Instagram owner problem")), new("channelOwners[1].channel", "unknown", Samples.Message("Not an approved channel"))];
        var model = Samples.Form(StageKey.Ownership, Language.En, errors) with { Answer = answer };

        var document = HtmlForm.Parse(FormPages.StakeholderForm(model).Html);

        Assert.Equal("Instagram", ((IHtmlInputElement)document.QuerySelector("input[name='channelOwners[1].channel']")!).Value);
        Assert.Equal("true", document.QuerySelector("input[name='channelOwners[1].owner']")!.GetAttribute("aria-invalid"));
        Assert.Null(document.QuerySelector("input[name='channelOwners[0].owner']")!.GetAttribute("aria-invalid"));
        Assert.Contains("Not an approved channel", HtmlForm.ById(document, "f-channelOwners-2").TextContent, StringComparison.Ordinal);
        Assert.Equal("TikTok", ((IHtmlInputElement)document.QuerySelector("input[name='channelOwners[2].channel']")!).Value);
    }

    [Fact]
    public void StakeholderForm_WithFieldErrors_Answers400AndShowsEachErrorAtItsFieldAndInTheSummary()
    {
        FieldError[] errors =
        [
            new("goals[0].metric", "required", Samples.Message("Metric is required")),
            new("responses[1]", "tooLong", Samples.Message("Too long")),
            new("goals", "tooMany", Samples.Message("Too many goals")),
            new("somethingElse", "odd", Samples.Message("Unplaced problem")),
        ];

        var result = FormPages.StakeholderForm(Samples.Form(StageKey.Goals, Language.En, errors));
        var document = HtmlForm.Parse(result.Html);

        Assert.Equal(400, result.StatusCode);
        var metric = document.QuerySelector("input[name='goals[0].metric']")!;
        Assert.Equal("true", metric.GetAttribute("aria-invalid"));
        var describedBy = metric.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains(describedBy, id => HtmlForm.ById(document, id).TextContent.Contains("Metric is required", StringComparison.Ordinal));
        Assert.Equal("true", document.QuerySelector("textarea[name='responses[1]']")!.GetAttribute("aria-invalid"));
        Assert.Null(document.QuerySelector("input[name='goals[0].title']")!.GetAttribute("aria-invalid"));
        Assert.Contains("Too many goals", HtmlForm.ById(document, "f-goals").TextContent, StringComparison.Ordinal);

        var summary = document.QuerySelector(".error-summary")!;
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#f-goals-0-metric", "#f-responses-1", "#f-goals"], links);
        Assert.All(links, href => Assert.NotNull(document.GetElementById(href![1..])));
        Assert.Contains("Unplaced problem", summary.TextContent, StringComparison.Ordinal);
        Assert.True(summary.CompareDocumentPosition(document.QuerySelector("form")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public void StakeholderForm_SentBack_ShowsTheApproversCommentAndTheRound()
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(StageKey.Goals, Language.En, sendBack: "Please add metrics.\nThanks")).Html);

        var callout = document.QuerySelector(".callout.note")!;
        Assert.Contains("The stage was sent back for changes", callout.TextContent, StringComparison.Ordinal);
        Assert.Equal("Please add metrics.\nThanks", callout.QuerySelector(".quote")!.TextContent);
        Assert.Equal("Stage 1 of 4 · round 2", document.QuerySelector(".eyebrow")!.TextContent);
    }

    [Theory]
    [InlineData(Language.Fi, "su 14.3.2027 klo 18.00")]
    [InlineData(Language.En, "Sunday 14 March 2027, 16:00 UTC")]
    public void StakeholderForm_Deadline_IsShownInTheLanguageWithAMachineReadableTime(Language language, string shown)
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(StageKey.Goals, language)).Html);

        var time = document.QuerySelector("time")!;
        Assert.Equal(shown, time.TextContent);
        Assert.Equal("2027-03-14T16:00:00Z", time.GetAttribute("datetime"));
    }

    [Fact]
    public void StakeholderForm_Form_PostsToItsOwnUrlWithAnAddButtonPerListAndOneSubmit()
    {
        var document = HtmlForm.Parse(FormPages.StakeholderForm(Samples.Form(StageKey.Audiences)).Html);

        var form = Assert.Single(document.Forms);
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.False(form.HasAttribute("action"));
        Assert.Equal(["add:audiences", "add:channels", "submit"], form.QuerySelectorAll("button").Select(b => b.GetAttribute("value")));
    }

    private static string Json(StageAnswer answer) => JsonSerializer.Serialize(answer);

    private static IEnumerable<string> Values(AngleSharp.Html.Dom.IHtmlDocument document, string selector) =>
        document.QuerySelectorAll(selector).Cast<IHtmlInputElement>().Select(i => i.Value);
}
