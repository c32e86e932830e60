using System.Text.Json;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Core.Tests.Support;

namespace StrategyFlow.Core.Tests.Answers;

public sealed class AnswerValidatorTests
{
    private static List<(string Path, string Code)> Errors(StageAnswer answer, StrategyContext? context = null) =>
        [.. AnswerValidator.Validate(answer, context ?? AnswerSamples.Context).Select(e => (e.Path, e.Code))];

    private static string Repeat(int length) => new('x', length);

    [Theory]
    [MemberData(nameof(AnswerSamples.Stages), MemberType = typeof(AnswerSamples))]
    public void Validate_SampleAnswer_HasNoErrors(StageKey stage) => Assert.Empty(Errors(AnswerSamples.For(stage)));

    [Theory]
    [MemberData(nameof(AnswerSamples.Stages), MemberType = typeof(AnswerSamples))]
    public void Validate_EmptyResponsesAndLists_AreAccepted(StageKey stage)
    {
        var empty = StageAnswer.Empty(stage) with { Responses = [.. InnerCycle.Get(stage).Questions.Select(_ => "")] };

        Assert.Empty(Errors(empty));
    }

    [Theory]
    [InlineData(StageKey.Goals, 1)]
    [InlineData(StageKey.Goals, 3)]
    [InlineData(StageKey.Audiences, 0)]
    [InlineData(StageKey.Ownership, 2)]
    public void Validate_ResponseCountDiffersFromQuestions_IsWrongCount(StageKey stage, int count)
    {
        var answer = AnswerSamples.For(stage) with { Responses = [.. Enumerable.Repeat("answer", count)] };

        Assert.Equal([("responses", ValidationCodes.WrongCount)], Errors(answer));
    }

    [Fact]
    public void Validate_ResponseAtLimit_IsAccepted_AndOneMore_IsTooLong()
    {
        Assert.Empty(Errors(AnswerSamples.Goals with { Responses = ["", Repeat(Limits.LongText)] }));
        Assert.Equal([("responses[1]", ValidationCodes.TooLong)], Errors(AnswerSamples.Goals with { Responses = ["", Repeat(Limits.LongText + 1)] }));
    }

    public static TheoryData<string, StageAnswer> MissingRequiredFields { get; } = new()
    {
        { "goals[1].title", AnswerSamples.Goals with { Goals = [AnswerSamples.Goals.Goals[0], new(" ", "", "", "")] } },
        { "audiences[0].name", AnswerSamples.Audiences with { Audiences = [new("", "d", AudiencePriority.Low), .. AnswerSamples.Audiences.Audiences] } },
        { "channels[0].name", AnswerSamples.Audiences with { Channels = [new("", [], "")] } },
        { "activities[0].title", AnswerSamples.Activities with { Activities = [new("", "", [], [], "", "", "")] } },
        { "channelOwners[0].channel", AnswerSamples.Ownership with { ChannelOwners = [new("", "Sanna")] } },
        { "channelOwners[0].owner", AnswerSamples.Ownership with { ChannelOwners = [new("LinkedIn", "")] } },
        { "activityOwners[0].activity", AnswerSamples.Ownership with { ActivityOwners = [new(" ", "Sanna")] } },
        { "activityOwners[0].owner", AnswerSamples.Ownership with { ActivityOwners = [new("Employee stories", "\t")] } },
        { "participants[0].who", AnswerSamples.Ownership with { Participants = [new("", "Writes")] } },
        { "participants[0].role", AnswerSamples.Ownership with { Participants = [new("HR", "")] } },
        { "goals[0]", AnswerSamples.Goals with { Goals = [null!] } },
        { "channels[0].audiences[1]", AnswerSamples.Audiences with { Channels = [new("LinkedIn", ["IT buyers", ""], "")] } },
    };

    [Theory]
    [MemberData(nameof(MissingRequiredFields))]
    public void Validate_MissingRequiredField_IsRequiredAtItsPath(string path, StageAnswer answer) =>
        Assert.Equal([(path, ValidationCodes.Required)], Errors(answer));

    [Fact]
    public void Validate_OptionalFieldsEmpty_AreNotValidationErrors()
    {
        // Missing metrics, business goals and audiences are coherence findings for the approver, not input errors.
        var goals = AnswerSamples.Goals with { Goals = [new("More B2B leads", "", "", "")] };
        var channels = AnswerSamples.Audiences with { Channels = [new("LinkedIn", [], "")] };
        var activities = AnswerSamples.Activities with { Activities = [new("Weekly case study", "", [], [], "", "", "")] };
        var ownership = AnswerSamples.Ownership with { OverallOwner = null, ChannelOwners = [], ActivityOwners = [], Participants = [] };

        Assert.All(new[] { goals, channels, activities, ownership }, answer => Assert.Empty(Errors(answer)));
    }

    public static TheoryData<string, int, StageAnswer> TooLongFields()
    {
        var s = Repeat(Limits.ShortText + 1);
        var m = Repeat(Limits.MediumText + 1);
        return new()
        {
            { "goals[0].title", Limits.ShortText, AnswerSamples.Goals with { Goals = [new(s, "", "", "")] } },
            { "goals[0].metric", Limits.ShortText, AnswerSamples.Goals with { Goals = [new("G", "", s, "")] } },
            { "goals[0].target", Limits.ShortText, AnswerSamples.Goals with { Goals = [new("G", "", "", s)] } },
            { "audiences[0].name", Limits.ShortText, AnswerSamples.Audiences with { Audiences = [new(s, "", AudiencePriority.Low)], Channels = [] } },
            { "audiences[0].description", Limits.MediumText, AnswerSamples.Audiences with { Audiences = [new("A", m, AudiencePriority.Low)], Channels = [] } },
            { "channels[0].name", Limits.ShortText, AnswerSamples.Audiences with { Channels = [new(s, [], "")] } },
            { "channels[0].purpose", Limits.MediumText, AnswerSamples.Audiences with { Channels = [new("C", [], m)] } },
            { "activities[0].title", Limits.ShortText, AnswerSamples.Activities with { Activities = [new(s, "", [], [], "", "", "")] } },
            { "activities[0].description", Limits.MediumText, AnswerSamples.Activities with { Activities = [new("A", m, [], [], "", "", "")] } },
            { "activities[0].cadence", Limits.ShortText, AnswerSamples.Activities with { Activities = [new("A", "", [], [], s, "", "")] } },
            { "activities[0].metric", Limits.ShortText, AnswerSamples.Activities with { Activities = [new("A", "", [], [], "", s, "")] } },
            { "activities[0].reviewEvery", Limits.ShortText, AnswerSamples.Activities with { Activities = [new("A", "", [], [], "", "", s)] } },
            { "overallOwner.name", Limits.ShortText, AnswerSamples.Ownership with { OverallOwner = new(s, "") } },
            { "overallOwner.email", Limits.Email, AnswerSamples.Ownership with { OverallOwner = new("", $"{Repeat(250)}@a.fi") } },
            { "channelOwners[0].owner", Limits.ShortText, AnswerSamples.Ownership with { ChannelOwners = [new("LinkedIn", s)] } },
            { "activityOwners[0].owner", Limits.ShortText, AnswerSamples.Ownership with { ActivityOwners = [new("Employee stories", s)] } },
            { "participants[0].who", Limits.ShortText, AnswerSamples.Ownership with { Participants = [new(s, "r")] } },
            { "participants[0].role", Limits.MediumText, AnswerSamples.Ownership with { Participants = [new("w", m)] } },
        };
    }

    [Theory]
    [MemberData(nameof(TooLongFields))]
    public void Validate_FieldOverItsLimit_IsTooLong_WithTheLimitInTheMessage(string path, int limit, StageAnswer answer)
    {
        var error = Assert.Single(AnswerValidator.Validate(answer, AnswerSamples.Context));

        Assert.Equal((path, ValidationCodes.TooLong), (error.Path, error.Code));
        Assert.Contains($"{limit}", error.Message.En, StringComparison.Ordinal);
        Assert.Contains($"{limit}", error.Message.Fi, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FieldsAtTheirLimits_AreAccepted()
    {
        var s = Repeat(Limits.ShortText);
        var m = Repeat(Limits.MediumText);
        var audiences = new StageAnswer
        {
            Stage = StageKey.Audiences,
            Responses = ["", "", ""],
            Audiences = [new(s, m, AudiencePriority.High)],
            Channels = [new(s, [s], m)],
        };

        Assert.Empty(Errors(audiences));
    }

    [Fact]
    public void Validate_TooManyItems_IsTooManyOnTheList()
    {
        var goals = Enumerable.Range(0, Limits.ListItems + 1).Select(i => new Goal($"Goal {i}", "", "", "")).ToList();

        Assert.Equal([("goals", ValidationCodes.TooMany)], Errors(AnswerSamples.Goals with { Goals = goals }));
        Assert.Empty(Errors(AnswerSamples.Goals with { Goals = goals[..Limits.ListItems] }));
    }

    [Fact]
    public void Validate_TooManyReferences_IsTooManyOnTheReferenceList()
    {
        var audiences = Enumerable.Range(0, Limits.References + 1).Select(i => new Audience($"A{i}", "", AudiencePriority.Low)).ToList();
        var answer = AnswerSamples.Audiences with { Audiences = audiences, Channels = [new("LinkedIn", [.. audiences.Select(a => a.Name)], "")] };

        Assert.Equal([("channels[0].audiences", ValidationCodes.TooMany)], Errors(answer));
    }

    [Theory]
    [InlineData("Bell\u0007")]
    [InlineData("Null\0byte")]
    [InlineData("Escape\u001b[31m")]
    public void Validate_ControlCharacters_AreInvalidCharacters(string title) =>
        Assert.Equal([("goals[0].title", ValidationCodes.InvalidCharacters)], Errors(AnswerSamples.Goals with { Goals = [new(title, "", "", "")] }));

    [Fact]
    public void Validate_BrokenSurrogatePairs_AreInvalidCharacters()
    {
        // Not theory data: the test runner would turn lone surrogates into U+FFFD on the way.
        string[] titles = ["Lone \ud800 surrogate", "Reversed \udc00\ud800 pair", "Ends high \ud83d"];

        Assert.All(titles, title =>
            Assert.Equal([("goals[0].title", ValidationCodes.InvalidCharacters)], Errors(AnswerSamples.Goals with { Goals = [new(title, "", "", "")] })));
    }

    [Fact]
    public void Validate_LineBreaksTabsAndEmoji_AreAccepted() =>
        Assert.Empty(Errors(AnswerSamples.Goals with { Responses = ["Line one\r\nLine two\tand a tab", "Hyvä 👍"] }));

    [Fact]
    public void Validate_SameTitleTwiceByTextKey_IsDuplicateOnTheLaterOne()
    {
        var answer = AnswerSamples.Goals with { Goals = [new("More  B2B leads", "", "", ""), new("Other", "", "", ""), new(" more b2b LEADS ", "", "", "")] };

        Assert.Equal([("goals[2].title", ValidationCodes.Duplicate)], Errors(answer));
    }

    [Theory]
    [InlineData(StageKey.Audiences, "audiences[1].name")]
    [InlineData(StageKey.Ownership, "channelOwners[1].channel")]
    public void Validate_DuplicateKeyInOtherLists_IsDuplicate(StageKey stage, string path)
    {
        var answer = stage == StageKey.Audiences
            ? AnswerSamples.Audiences with { Audiences = [.. AnswerSamples.Audiences.Audiences.Take(1), new("it buyers", "", AudiencePriority.Low)], Channels = [] }
            : AnswerSamples.Ownership with { ChannelOwners = [new("LinkedIn", "Sanna"), new("LINKEDIN", "Pekka")] };

        Assert.Equal([(path, ValidationCodes.Duplicate)], Errors(answer));
    }

    [Fact]
    public void Validate_SameReferenceTwice_IsDuplicate() =>
        Assert.Equal(
            [("activities[0].goals[1]", ValidationCodes.Duplicate)],
            Errors(AnswerSamples.Activities with { Activities = [new("A", "", ["More B2B leads", "more b2b leads"], ["LinkedIn"], "", "", "")] }));

    [Fact]
    public void Validate_BusinessGoalNotOfTheStrategy_IsUnknownBusinessGoal_AndCaseDoesNotMatter()
    {
        Assert.Equal(
            [("goals[0].businessGoal", ValidationCodes.UnknownBusinessGoal)],
            Errors(AnswerSamples.Goals with { Goals = [new("G", "Conquer the world", "", "")] }));
        Assert.Empty(Errors(AnswerSamples.Goals with { Goals = [new("G", " kasvattaa b2b-liidejä  20 % ", "", "")] }));
    }

    [Fact]
    public void Validate_ChannelNamingAudienceNotInTheAnswer_IsUnknownAudience() =>
        Assert.Equal(
            [("channels[1].audiences[0]", ValidationCodes.UnknownAudience)],
            Errors(AnswerSamples.Audiences with { Channels = [AnswerSamples.Audiences.Channels[0], new("Instagram", ["Teenagers", "job seekers"], "")] }));

    [Fact]
    public void Validate_ActivityNamingUnapprovedGoalOrChannel_IsUnknownGoalAndUnknownChannel() =>
        Assert.Equal(
            [("activities[0].goals[1]", ValidationCodes.UnknownGoal), ("activities[0].channels[0]", ValidationCodes.UnknownChannel)],
            Errors(AnswerSamples.Activities with { Activities = [new("A", "", ["More B2B leads", "World peace"], ["TikTok"], "", "", "")] }));

    [Fact]
    public void Validate_OwnerOfUnapprovedChannelOrActivity_IsUnknownChannelAndUnknownActivity() =>
        Assert.Equal(
            [("channelOwners[0].channel", ValidationCodes.UnknownChannel), ("activityOwners[0].activity", ValidationCodes.UnknownActivity)],
            Errors(AnswerSamples.Ownership with { ChannelOwners = [new("TikTok", "Sanna")], ActivityOwners = [new("Dancing", "Pekka")] }));

    [Theory]
    [InlineData("olli")]
    [InlineData("olli@")]
    [InlineData("@acme.example")]
    [InlineData("olli@@acme.example")]
    [InlineData("Olli <olli@acme.example>")]
    [InlineData(" olli@acme.example")]
    [InlineData("olli@localhost")]
    [InlineData("olli@acme.example.")]
    [InlineData("olli acme@acme.example")]
    public void Validate_BadOverallOwnerEmail_IsInvalidEmail(string email) =>
        Assert.Equal([("overallOwner.email", ValidationCodes.InvalidEmail)], Errors(AnswerSamples.Ownership with { OverallOwner = new("Olli", email) }));

    [Theory]
    [InlineData("olli@acme.example")]
    [InlineData("olli.omistaja+sf@mail.acme.fi")]
    [InlineData("")]
    public void Validate_GoodOrNoOverallOwnerEmail_IsAccepted(string email) =>
        Assert.Empty(Errors(AnswerSamples.Ownership with { OverallOwner = new("Olli", email) }));

    [Theory]
    [InlineData(StageKey.Goals, "overallOwner")]
    [InlineData(StageKey.Goals, "channels")]
    [InlineData(StageKey.Audiences, "goals")]
    [InlineData(StageKey.Activities, "participants")]
    [InlineData(StageKey.Ownership, "activities")]
    public void Validate_ListOfAnotherStage_IsNotThisStage(StageKey stage, string list)
    {
        var answer = AnswerSamples.For(stage) with
        {
            Goals = list == "goals" ? AnswerSamples.Goals.Goals : AnswerSamples.For(stage).Goals,
            Channels = list == "channels" ? AnswerSamples.Audiences.Channels : AnswerSamples.For(stage).Channels,
            Activities = list == "activities" ? AnswerSamples.Activities.Activities : AnswerSamples.For(stage).Activities,
            Participants = list == "participants" ? AnswerSamples.Ownership.Participants : AnswerSamples.For(stage).Participants,
            OverallOwner = list == "overallOwner" ? AnswerSamples.Ownership.OverallOwner : AnswerSamples.For(stage).OverallOwner,
        };

        var error = Assert.Single(AnswerValidator.Validate(answer, AnswerSamples.Context));
        Assert.Equal((list, ValidationCodes.NotThisStage), (error.Path, error.Code));
        Assert.Contains(InnerCycle.Get(AnswerLists.StageOf(list)).Title.En, error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedPriority_IsInvalidValue() =>
        Assert.Equal(
            [("audiences[0].priority", ValidationCodes.InvalidValue)],
            Errors(AnswerSamples.Audiences with { Audiences = [new("IT buyers", "", (AudiencePriority)7), AnswerSamples.Audiences.Audiences[1]] }));

    [Fact]
    public void Validate_UndefinedStage_IsUnknownStage() =>
        Assert.Equal([("stage", ValidationCodes.UnknownStage)], Errors(StageAnswer.Empty((StageKey)9)));

    [Fact]
    public void Validate_SeveralProblems_AreAllReportedInFieldOrder()
    {
        var answer = AnswerSamples.Activities with
        {
            Responses = ["only one"],
            Activities =
            [
                new("", "", ["World peace"], [], "", "", ""),
                new("B", "", [], ["TikTok"], "", "", Repeat(Limits.ShortText + 1)),
            ],
        };

        Assert.Equal(
            [
                ("responses", ValidationCodes.WrongCount),
                ("activities[0].title", ValidationCodes.Required),
                ("activities[0].goals[0]", ValidationCodes.UnknownGoal),
                ("activities[1].channels[0]", ValidationCodes.UnknownChannel),
                ("activities[1].reviewEvery", ValidationCodes.TooLong),
            ],
            Errors(answer));
    }

    [Fact]
    public void Validate_Messages_AreInBothLanguagesAndQuoteTheValue()
    {
        var errors = AnswerValidator.Validate(
            AnswerSamples.Activities with { Activities = [new("A", "", ["World peace"], ["LinkedIn"], "", "", "")] }, AnswerSamples.Context);

        var message = Assert.Single(errors).Message;
        Assert.Contains("”World peace”", message.Fi, StringComparison.Ordinal);
        Assert.Contains("“World peace”", message.En, StringComparison.Ordinal);
        Assert.NotEqual(message.Fi, message.En);
    }

    [Fact]
    public void Validate_LongValueInMessage_IsShortened()
    {
        var message = Assert.Single(AnswerValidator.Validate(
            AnswerSamples.Goals with { Goals = [new("G", Repeat(5_000), "", "")] }, AnswerSamples.Context)).Message;

        Assert.True(message.En.Length < 300, message.En);
        Assert.Contains("…", message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullsFromJson_AreReportedNotThrown()
    {
        const string json = """
            {"stage":"audiences","responses":null,"audiences":[null,{"name":null,"description":null,"priority":"high"}],
             "channels":[{"name":"LinkedIn","audiences":[null],"purpose":null}],"goals":null}
            """;
        var answer = JsonSerializer.Deserialize<StageAnswer>(json, CoreJson.Options)!;

        Assert.Equal(
            [
                ("responses", ValidationCodes.WrongCount),
                ("audiences[0]", ValidationCodes.Required),
                ("audiences[1].name", ValidationCodes.Required),
                ("channels[0].audiences[0]", ValidationCodes.Required),
            ],
            Errors(answer));
    }
}
