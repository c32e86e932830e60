using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

public sealed class FormReaderTests
{
    private static FormCollection Form(params (string Key, string[] Values)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => new StringValues(f.Values), StringComparer.Ordinal));

    [Fact]
    public void ReadAnswer_EmptyForm_GivesEmptyResponsesAndNoItems()
    {
        var answer = FormReader.ReadAnswer(StageKey.Audiences, Form());

        Assert.Equal(["", "", ""], answer.Responses);
        Assert.Empty(answer.Audiences);
        Assert.Empty(answer.Channels);
        Assert.Equal(StageKey.Audiences, answer.Stage);
    }

    [Fact]
    public void ReadAnswer_Values_AreTrimmedAndLineEndingsNormalised()
    {
        var answer = FormReader.ReadAnswer(StageKey.Goals, Form(
            ("responses[0]", ["  first\r\nsecond  "]),
            ("goals[0].title", ["  Leads "]),
            ("goals[0].metric", ["\tCount\t"])));

        Assert.Equal("first\nsecond", answer.Responses[0]);
        Assert.Equal(new Goal("Leads", "", "Count", ""), Assert.Single(answer.Goals));
    }

    [Fact]
    public void ReadAnswer_RowsInIndexOrderWithGapsAndEmptyOrRemovedRows_KeepsOnlyFilledRowsInOrder()
    {
        var answer = FormReader.ReadAnswer(StageKey.Ownership, Form(
            ("participants[7].who", ["Third"]),
            ("participants[2].who", ["First"]),
            ("participants[3].who", [""]),
            ("participants[3].role", ["  "]),
            ("participants[4].who", ["Removed"]),
            ("participants[4].remove", ["true"]),
            ("participants[5].role", ["Second"])));

        Assert.Equal([new("First", ""), new("", "Second"), new("Third", "")], answer.Participants);
    }

    [Fact]
    public void ReadAnswer_ChannelAudiences_AreTickedNamesThenTypedNamesWithoutDuplicates()
    {
        var answer = FormReader.ReadAnswer(StageKey.Audiences, Form(
            ("channels[0].name", ["LinkedIn"]),
            ("channels[0].audiences", ["IT-päättäjät", " Opiskelijat "]),
            ("channels[0].audiencesText", ["alumnit, it-PÄÄTTÄJÄT ,, Alumnit,Uudet\nRivi"])));

        Assert.Equal(["IT-päättäjät", "Opiskelijat", "alumnit", "Uudet", "Rivi"], Assert.Single(answer.Channels).Audiences);
    }

    [Fact]
    public void ReadAnswer_AudiencePriority_ReadsKnownValuesAndTreatsOthersAsMedium()
    {
        var answer = FormReader.ReadAnswer(StageKey.Audiences, Form(
            ("audiences[0].name", ["A"]), ("audiences[0].priority", ["high"]),
            ("audiences[1].name", ["B"]), ("audiences[1].priority", ["low"]),
            ("audiences[2].name", ["C"]), ("audiences[2].priority", ["urgent"]),
            ("audiences[3].priority", ["high"])));

        Assert.Equal([AudiencePriority.High, AudiencePriority.Low, AudiencePriority.Medium], answer.Audiences.Select(a => a.Priority));
    }

    [Fact]
    public void ReadAnswer_OwnershipRowsWithoutOwnerAndAnEmptyOverallOwner_AreDropped()
    {
        var answer = FormReader.ReadAnswer(StageKey.Ownership, Form(
            ("overallOwner.name", [""]), ("overallOwner.email", [" "]),
            ("channelOwners[0].channel", ["LinkedIn"]), ("channelOwners[0].owner", [""]),
            ("channelOwners[1].channel", ["Instagram"]), ("channelOwners[1].owner", ["Matti"])));

        Assert.Null(answer.OverallOwner);
        Assert.Equal([new ChannelOwner("Instagram", "Matti")], answer.ChannelOwners);
    }

    [Theory]
    [InlineData("goals[-1].title")]
    [InlineData("goals[99999].title")]
    [InlineData("goals[501].title")]
    [InlineData("goals[1e3].title")]
    [InlineData("goals[].title")]
    [InlineData("goals[0")]
    [InlineData("goals[0]title")]
    [InlineData("goals[ 1].title")]
    public void ReadAnswer_MalformedOrAbsurdRowNumbers_AreIgnored(string key)
    {
        var answer = FormReader.ReadAnswer(StageKey.Goals, Form((key, ["x"])));

        Assert.Empty(answer.Goals);
    }

    [Fact]
    public void ReadAnswer_AnyPostedInput_NeverThrows()
    {
        var keys = Gen.OneOf(
            "responses[0]", "responses[9]", "goals[0].title", "goals[3].remove", "channels[1].audiences", "channels[1].audiencesText",
            "activities[0].goals", "overallOwner.email", "channelOwners[0].channel", "participants[2].who", "action", "comment");
        var keyGen = Gen.Frequency<string>((3, keys), (1, Gen.String), (1, Gen.Int[0, 2000].Select(i => $"goals[{i}].title")));
        var values = Gen.Frequency<string?>((3, Gen.String.Select(v => (string?)v)), (1, Gen.Const((string?)null)),
            (1, Gen.OneOf<string?>("true", "", "add:", "add:goals", "-5", "99999999999")));
        var forms = Gen.Dictionary(keyGen, values.Array[0, 3]);

        forms.Sample(fields =>
        {
            var form = new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value)));
            foreach (var stage in StageKeys.InOrder)
            {
                _ = FormReader.ReadAnswer(stage, form);
            }

            _ = FormReader.ReadAction(form);
            foreach (var stage in StageKeys.InOrder)
            {
                Assert.All(FormReader.ReadBlankRows(stage, form).PerList.Values, rows => Assert.InRange(rows, 0, FormReader.MaxBlankRows));
            }

            _ = FormReader.ReadComment(form);
        }, iter: 500);
    }

    [Theory]
    [InlineData("submit", FormActionKind.Submit, null)]
    [InlineData("approve", FormActionKind.Approve, null)]
    [InlineData("requestChanges", FormActionKind.RequestChanges, null)]
    [InlineData("reject", FormActionKind.Reject, null)]
    [InlineData("add:goals", FormActionKind.AddRow, "goals")]
    [InlineData("add:participants", FormActionKind.AddRow, "participants")]
    [InlineData("add:channelOwners", FormActionKind.Unknown, null)]
    [InlineData("add:overallOwner", FormActionKind.Unknown, null)]
    [InlineData("add:nope", FormActionKind.Unknown, null)]
    [InlineData("Approve", FormActionKind.Unknown, null)]
    [InlineData("", FormActionKind.Unknown, null)]
    public void ReadAction_ButtonValue_GivesItsAction(string value, FormActionKind kind, string? list)
    {
        Assert.Equal(new FormAction(kind, list), FormReader.ReadAction(Form(("action", [value]))));
    }

    [Fact]
    public void ReadAction_MissingOrSeveralActions_IsUnknown()
    {
        Assert.Equal(FormActionKind.Unknown, FormReader.ReadAction(Form()).Kind);
        Assert.Equal(FormActionKind.Unknown, FormReader.ReadAction(Form(("action", ["approve", "reject"]))).Kind);
    }

    [Fact]
    public void ReadBlankRows_PostedForm_CountsEachListsEmptyRowsButNotRemovedOnes()
    {
        var form = Form(
            ("audiences[0].name", ["IT-päättäjät"]), ("audiences[0].priority", ["high"]),
            ("audiences[1].name", [""]), ("audiences[1].priority", ["medium"]),
            ("audiences[2].name", [""]), ("audiences[2].priority", ["medium"]), ("audiences[2].remove", ["true"]),
            ("channels[0].name", ["LinkedIn"]));

        var blank = FormReader.ReadBlankRows(StageKey.Audiences, form);

        Assert.Equal(1, blank.For("audiences"));
        Assert.Equal(0, blank.For("channels"));
        Assert.Equal(2, blank.WithOneMore("channels").For("channels") + blank.WithOneMore("channels").For("audiences"));
    }

    [Fact]
    public void ReadComment_IsTrimmedAndEmptyWhenMissing()
    {
        Assert.Equal("Please add metrics.", FormReader.ReadComment(Form(("comment", ["  Please add metrics. \r\n"]))));
        Assert.Equal("", FormReader.ReadComment(Form()));
    }
}
