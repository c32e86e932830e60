using AngleSharp.Html.Dom;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;
using static StrategyFlow.Workflow.Tests.Pages.MarkupSafety;

namespace StrategyFlow.Workflow.Tests.Pages;

/// <summary>Hostile text in every field a person or the workflow can fill never becomes markup, an attribute or a link.</summary>
public sealed class PageSafetyTests
{
    private static readonly StrategyContext EvilContext = new()
    {
        BusinessGoals = [Evil("businessGoal")],
        ApprovedGoals = [Evil("approvedGoal")],
        ApprovedChannels = [Evil("approvedChannel")],
        ApprovedActivities = [Evil("approvedActivity")],
    };

    private static FormHeader EvilHeader(StageKey stage, Language language) =>
        new(language, Evil("organization"), Evil("title"), stage, 2, Evil("participant"), Samples.Deadline);

    private static StageAnswer EvilAnswer(StageKey stage) => StageAnswer.Empty(stage) with
    {
        Responses = [.. InnerCycle.Get(stage).Questions.Select((_, i) => Evil($"response{i}"))],
        Goals = [new(Evil("goal"), Evil("businessGoalChoice"), Evil("metric"), Evil("target"))],
        Audiences = [new(Evil("audience"), Evil("description"), AudiencePriority.High)],
        Channels = [new(Evil("channel"), [Evil("audience"), Evil("newAudience")], Evil("purpose"))],
        Activities = [new(Evil("activity"), Evil("description"), [Evil("goalRef")], [Evil("channelRef")], Evil("cadence"), Evil("metric"), Evil("review"))],
        OverallOwner = new(Evil("owner"), Evil("email")),
        ChannelOwners = [new(Evil("approvedChannel"), Evil("channelOwner")), new(Evil("otherChannel"), Evil("channelOwner2"))],
        ActivityOwners = [new(Evil("activityRef"), Evil("activityOwner"))],
        Participants = [new(Evil("who"), Evil("role"))],
    };

    private static FieldError[] EvilErrors(StageKey stage) =>
    [
        new(Evil("path"), Evil("code"), new(Evil("messageFi"), Evil("messageEn"))),
        new("responses[0]", "x", new(Evil("responseErrorFi"), Evil("responseErrorEn"))),
        new(stage == StageKey.Goals ? "goals[0].title" : "comment", "x", new(Evil("fieldErrorFi"), Evil("fieldErrorEn"))),
    ];

    public static TheoryData<StageKey, Language> Cases() => Samples.StagesAndLanguages();

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReceiptAndClosedRound_HostileTextEverywhere_StaysText(StageKey stage, Language language)
    {
        var receipt = ParticipantPages.AnswerReceipt(new AnswerReceiptModel(EvilHeader(stage, language), EvilAnswer(stage), EvilContext, "./v2.token"));
        var closed = ParticipantPages.ClosedRound(new ClosedRoundModel(EvilHeader(stage, language), ClosedRoundState.Rejected, EvilContext, IsApprover: false)
        {
            Answer = EvilAnswer(stage),
            Approved = EvilAnswer(stage),
            ApprovedBy = [Evil("approver")],
            Reason = Evil("reason"),
        });

        foreach (var html in new[] { receipt.Html, closed.Html })
        {
            AssertOnlyOwnMarkup(HtmlForm.Parse(html), html, PageTags, PageAttributes, href => href == "./v2.token");
            Assert.Contains(HtmlBuilder.Encode(Evil("response0")), html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StakeholderForm_HostileTextEverywhere_StaysText(StageKey stage, Language language)
    {
        var model = new StakeholderFormModel(EvilHeader(stage, language), EvilAnswer(stage), EvilContext, Evil("sendBack"), EvilErrors(stage));

        var html = FormPages.StakeholderForm(model).Html;
        var document = HtmlForm.Parse(html);

        AssertOnlyOwnMarkup(document, html, PageTags, PageAttributes, href => href.StartsWith("#f-", StringComparison.Ordinal));
        Assert.Equal(Evil("response0"), ((IHtmlTextAreaElement)document.QuerySelector("textarea[name='responses[0]']")!).Value);
        Assert.Contains(Evil("sendBack"), document.QuerySelector(".quote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Evil("organization"), document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StakeholderForm_HostileTextPostedBack_ReadsBackUnchanged(StageKey stage, Language language)
    {
        var model = new StakeholderFormModel(EvilHeader(stage, language), EvilAnswer(stage), EvilContext, null, []);

        var read = FormReader.ReadAnswer(stage, HtmlForm.Submit(FormPages.StakeholderForm(model).Html, "submit"));

        Assert.Equal(Evil("response0"), read.Responses[0]);
        var first = stage switch
        {
            StageKey.Goals => read.Goals[0].Metric,
            StageKey.Audiences => read.Channels[0].Audiences[1],
            StageKey.Activities => read.Activities[0].Goals[0],
            _ => read.ChannelOwners[1].Owner,
        };
        Assert.Equal(stage switch
        {
            StageKey.Goals => Evil("metric"),
            StageKey.Audiences => Evil("newAudience"),
            StageKey.Activities => Evil("goalRef"),
            _ => Evil("channelOwner2"),
        }, first);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReviewPage_HostileTextEverywhere_StaysText(StageKey stage, Language language)
    {
        var answer = EvilAnswer(stage);
        var list = StageLists.For(stage)[^1].Name;
        var model = new ReviewPageModel(
            EvilHeader(stage, language),
            [new(Evil("contributor"), answer), new(Evil("contributor2"), answer)],
            [Evil("notAnswered")],
            new ConsolidatedDraft(
                stage,
                answer,
                [new(list, Evil("who"), [Evil("itemContributor")])],
                [new(Evil("contributor"), answer.Responses)],
                [new(list, Evil("who"), Evil("field"), [new(Evil("conflictValue"), [Evil("conflictContributor")])]),
                 new(Evil("list"), Evil("key"), Evil("field"), [new(Evil("conflictValue"), [Evil("conflictContributor")])])]),
            answer,
            [new(Evil("rule"), Severity.Error, stage, Evil("subject"), new(Evil("findingFi"), Evil("findingEn")))],
            EvilContext,
            EvilErrors(stage),
            Evil("comment"));

        var html = FormPages.ReviewPage(model).Html;
        var document = HtmlForm.Parse(html);

        AssertOnlyOwnMarkup(document, html, PageTags, PageAttributes, href => href.StartsWith("#f-", StringComparison.Ordinal));
        Assert.Equal(Evil("comment"), ((IHtmlTextAreaElement)document.QuerySelector("textarea[name=comment]")!).Value);
        Assert.Contains(Evil("notAnswered"), document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Evil("conflictValue"), document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Evil(language == Language.Fi ? "findingFi" : "findingEn"), HtmlForm.ById(document, "findings").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_HostileDetail_StaysText()
    {
        var html = FormPages.Notice(NoticeKind.BadRequest, Language.En, Evil("detail")).Html;
        var document = HtmlForm.Parse(html);

        AssertOnlyOwnMarkup(document, html, PageTags, PageAttributes, _ => false);
        Assert.Equal(Evil("detail"), document.QuerySelector(".notice .meta")!.TextContent);
    }
}
