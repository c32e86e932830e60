using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Support;

namespace StrategyFlow.Core.Tests.Consolidation;

public sealed class ConsolidatorTests
{
    private const string Anna = "anna@acme.example";
    private const string Bert = "Bert@acme.example";
    private const string Cecilia = "cecilia@acme.example";

    private static ContributedAnswer From(string contributor, StageAnswer answer) => new(contributor, answer);

    private static StageAnswer Channels(params Channel[] channels) =>
        StageAnswer.Empty(StageKey.Audiences) with { Channels = channels };

    private static StageAnswer ChannelOwners(params ChannelOwner[] owners) =>
        StageAnswer.Empty(StageKey.Ownership) with { ChannelOwners = owners };

    [Theory]
    [MemberData(nameof(AnswerSamples.Stages), MemberType = typeof(AnswerSamples))]
    public void Consolidate_NoAnswers_IsAnEmptyDraftWithOneEmptyResponsePerQuestion(StageKey stage)
    {
        var result = Consolidator.Consolidate(stage, []);

        Assert.Equal(stage, result.Stage);
        Assert.Equal(InnerCycle.Get(stage).Questions.Select(_ => ""), result.Draft.Responses);
        Assert.Empty(result.Draft.Goals.Concat<object>(result.Draft.Audiences).Concat(result.Draft.Channels).Concat(result.Draft.Activities)
            .Concat(result.Draft.ChannelOwners).Concat(result.Draft.ActivityOwners).Concat(result.Draft.Participants));
        Assert.Null(result.Draft.OverallOwner);
        Assert.Empty(result.Items);
        Assert.Empty(result.Responses);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Consolidate_ItemsWithTheSameNormalisedTitle_AreOneItemListingEveryContributor()
    {
        var result = Consolidator.Consolidate(StageKey.Audiences,
        [
            From(Bert, Channels(new Channel(" linkedin ", [], ""), new Channel("Blog", [], ""))),
            From(Anna, Channels(new Channel("LinkedIn", [], ""))),
            From(Cecilia, Channels(new Channel("LinkedIn", [], ""))),
        ]);

        Assert.Equal(["Blog", "LinkedIn"], result.Draft.Channels.Select(c => c.Name));
        Assert.Equal(
            [new ItemContributors("channels", "Blog", [Bert]), new ItemContributors("channels", "LinkedIn", [Anna, Bert, Cecilia])],
            result.Items, ItemContributorsComparer.Instance);
    }

    [Fact]
    public void Consolidate_SpellingTie_KeepsTheOrdinalSmallest()
    {
        var result = Consolidator.Consolidate(StageKey.Audiences,
            [From(Anna, Channels(new Channel("linkedin", [], ""))), From(Bert, Channels(new Channel("LinkedIn", [], "")))]);

        Assert.Equal("LinkedIn", Assert.Single(result.Draft.Channels).Name);
    }

    [Fact]
    public void Consolidate_TwoOwnersForOneChannelEquallySupported_LeavesTheOwnerForTheApproverToChoose()
    {
        var result = Consolidator.Consolidate(StageKey.Ownership,
            [From(Anna, ChannelOwners(new ChannelOwner("LinkedIn", "Sanna"))), From(Bert, ChannelOwners(new ChannelOwner("linkedin", "Pekka")))]);

        Assert.Equal(new ChannelOwner("LinkedIn", ""), Assert.Single(result.Draft.ChannelOwners));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("channelOwners", "LinkedIn", "owner"), (conflict.List, conflict.Key, conflict.Field));
        Assert.Equal([("Pekka", Bert), ("Sanna", Anna)], conflict.Values.Select(v => (v.Value, Assert.Single(v.Contributors))));
        Assert.True(conflict.IsTie);
    }

    [Fact]
    public void Consolidate_ThreeDifferentOverallOwners_LeavesTheOverallOwnerEmptyAndListsEveryCandidate()
    {
        var owner = (string name) => StageAnswer.Empty(StageKey.Ownership) with { OverallOwner = new Person(name, "") };

        var result = Consolidator.Consolidate(StageKey.Ownership, [From(Anna, owner("Olli")), From(Bert, owner("Aino")), From(Cecilia, owner("Pekka"))]);

        Assert.Null(result.Draft.OverallOwner);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("overallOwner", "", Consolidator.PersonField), (conflict.List, conflict.Key, conflict.Field));
        Assert.Equal(["Aino", "Olli", "Pekka"], conflict.Values.Select(v => v.Value));
        Assert.True(conflict.IsTie);
    }

    [Fact]
    public void Consolidate_PriorityTie_TakesTheHighestPriorityNamed()
    {
        var audience = (AudiencePriority p) => StageAnswer.Empty(StageKey.Audiences) with { Audiences = [new("IT buyers", "", p)] };

        var result = Consolidator.Consolidate(StageKey.Audiences, [From(Anna, audience(AudiencePriority.Low)), From(Bert, audience(AudiencePriority.Medium))]);

        Assert.Equal(AudiencePriority.Medium, Assert.Single(result.Draft.Audiences).Priority);
        Assert.True(Assert.Single(result.Conflicts).IsTie);
    }

    [Fact]
    public void Consolidate_ConflictingValues_TheMajorityWinsAndComesFirst()
    {
        var result = Consolidator.Consolidate(StageKey.Ownership,
        [
            From(Anna, ChannelOwners(new ChannelOwner("LinkedIn", "Sanna"))),
            From(Bert, ChannelOwners(new ChannelOwner("LinkedIn", "Pekka"))),
            From(Cecilia, ChannelOwners(new ChannelOwner("LinkedIn", "sanna "))),
        ]);

        Assert.Equal("Sanna", Assert.Single(result.Draft.ChannelOwners).Owner);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(["Sanna", "Pekka"], conflict.Values.Select(v => v.Value));
        Assert.Equal([Anna, Cecilia], conflict.Values[0].Contributors);
    }

    [Fact]
    public void Consolidate_ValuesDifferingOnlyInCaseOrSpacing_AreNoConflict()
    {
        var result = Consolidator.Consolidate(StageKey.Ownership,
            [From(Anna, ChannelOwners(new ChannelOwner("LinkedIn", "Sanna  Virta"))), From(Bert, ChannelOwners(new ChannelOwner("LinkedIn", "sanna virta")))]);

        Assert.Empty(result.Conflicts);
        Assert.Equal("Sanna  Virta", Assert.Single(result.Draft.ChannelOwners).Owner);
    }

    [Fact]
    public void Consolidate_ABlankValue_IsNoVoteAndNoConflict()
    {
        var goals = (string metric) => StageAnswer.Empty(StageKey.Goals) with { Goals = [new("More leads", "", metric, "")] };

        var result = Consolidator.Consolidate(StageKey.Goals, [From(Anna, goals("")), From(Bert, goals("Leads per month"))]);

        Assert.Empty(result.Conflicts);
        Assert.Equal(new Goal("More leads", "", "Leads per month", ""), Assert.Single(result.Draft.Goals));
    }

    [Fact]
    public void Consolidate_TwoPrioritiesForOneAudience_IsAConflictOnPriority()
    {
        var audience = (AudiencePriority p) => StageAnswer.Empty(StageKey.Audiences) with { Audiences = [new("IT buyers", "", p)] };

        var result = Consolidator.Consolidate(StageKey.Audiences,
            [From(Anna, audience(AudiencePriority.High)), From(Bert, audience(AudiencePriority.Low)), From(Cecilia, audience(AudiencePriority.Low))]);

        Assert.Equal(AudiencePriority.Low, Assert.Single(result.Draft.Audiences).Priority);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("audiences", "IT buyers", "priority"), (conflict.List, conflict.Key, conflict.Field));
        Assert.Equal(["low", "high"], conflict.Values.Select(v => v.Value));
    }

    [Fact]
    public void Consolidate_ReferenceLists_AreSortedUnionsWithoutDuplicates()
    {
        var activity = (string[] goals, string[] channels) => StageAnswer.Empty(StageKey.Activities) with
        {
            Activities = [new("Case study", "", goals, channels, "", "", "")],
        };

        var result = Consolidator.Consolidate(StageKey.Activities,
        [
            From(Anna, activity(["Leads", "Brand"], ["LinkedIn"])),
            From(Bert, activity(["leads", "Awareness"], ["Instagram", "linkedin", " "])),
        ]);

        var merged = Assert.Single(result.Draft.Activities);
        Assert.Equal(["Awareness", "Brand", "Leads"], merged.Goals);
        Assert.Equal(["Instagram", "LinkedIn"], merged.Channels);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Consolidate_DifferentOverallOwners_IsAConflictNamingBoth()
    {
        var owner = (Person p) => StageAnswer.Empty(StageKey.Ownership) with { OverallOwner = p };

        var result = Consolidator.Consolidate(StageKey.Ownership,
        [
            From(Anna, owner(new("Olli", "olli@acme.example"))),
            From(Bert, owner(new(" Olli ", "olli@acme.example"))),
            From(Cecilia, owner(new("Aino", "aino@acme.example"))),
        ]);

        Assert.Equal(new Person("Olli", "olli@acme.example"), result.Draft.OverallOwner);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("overallOwner", "Olli <olli@acme.example>", Consolidator.PersonField), (conflict.List, conflict.Key, conflict.Field));
        Assert.Equal(["Olli <olli@acme.example>", "Aino <aino@acme.example>"], conflict.Values.Select(v => v.Value));
        Assert.Equal([Anna, Bert], conflict.Values[0].Contributors);
        Assert.Equal(new ItemContributors("overallOwner", "Olli <olli@acme.example>", [Anna, Bert, Cecilia]), Assert.Single(result.Items), ItemContributorsComparer.Instance);
    }

    [Fact]
    public void Consolidate_SameOverallOwnerInAnyCase_IsNoConflict()
    {
        var owner = (Person p) => StageAnswer.Empty(StageKey.Ownership) with { OverallOwner = p };

        var result = Consolidator.Consolidate(StageKey.Ownership,
            [From(Anna, owner(new("Olli", "olli@acme.example"))), From(Bert, owner(new(" olli ", "Olli@Acme.example"))), From(Cecilia, owner(new("", "")))]);

        Assert.Empty(result.Conflicts);
        Assert.Equal([Anna, Bert], Assert.Single(result.Items).Contributors);
    }

    [Fact]
    public void Consolidate_Responses_AreKeptPerContributor_AndJoinedDistinctInContributorOrder()
    {
        var answer = (string first, string second) => StageAnswer.Empty(StageKey.Goals) with { Responses = [first, second] };

        var result = Consolidator.Consolidate(StageKey.Goals,
        [
            From(Cecilia, answer("Visibility.", "")),
            From(Anna, answer(" Leads. ", "")),
            From(Bert, answer("leads.", "")),
        ]);

        Assert.Equal(["Leads.\n\nVisibility.", ""], result.Draft.Responses);
        Assert.Equal([Anna, Bert, Cecilia], result.Responses.Select(r => r.Contributor));
        Assert.Equal([" Leads. ", ""], result.Responses[0].Responses);
    }

    [Fact]
    public void Consolidate_ShortResponseLists_AreTreatedAsEmptyAnswers()
    {
        var result = Consolidator.Consolidate(StageKey.Ownership,
            [From(Anna, StageAnswer.Empty(StageKey.Ownership) with { Responses = ["Olli"] })]);

        Assert.Equal(["Olli", "", ""], result.Draft.Responses);
    }

    [Fact]
    public void Consolidate_ListsOfOtherStages_AreLeftOut()
    {
        var result = Consolidator.Consolidate(StageKey.Goals,
            [From(Anna, AnswerSamples.Goals with { Channels = AnswerSamples.Audiences.Channels, OverallOwner = AnswerSamples.Ownership.OverallOwner })]);

        Assert.Empty(result.Draft.Channels);
        Assert.Null(result.Draft.OverallOwner);
        Assert.All(result.Items, item => Assert.Equal("goals", item.List));
    }

    [Theory]
    [InlineData("anna@acme.example", "anna@acme.example")]
    [InlineData("anna@acme.example", "ANNA@acme.example ")]
    public void Consolidate_SameContributorTwice_Throws(string first, string second) =>
        Assert.Throws<ArgumentException>(() => Consolidator.Consolidate(StageKey.Goals,
            [From(first, StageAnswer.Empty(StageKey.Goals)), From(second, StageAnswer.Empty(StageKey.Goals))]));

    [Fact]
    public void Consolidate_AnswerToAnotherStage_Throws() =>
        Assert.Throws<ArgumentException>(() => Consolidator.Consolidate(StageKey.Goals, [From(Anna, AnswerSamples.Ownership)]));

    [Fact]
    public void Consolidate_SampleAnswerAlone_KeepsItsContent()
    {
        var result = Consolidator.Consolidate(StageKey.Activities, [From(Anna, AnswerSamples.Activities)]);

        Assert.Equal(AnswerSamples.Activities.Activities.OrderBy(a => a.Title, StringComparer.Ordinal), result.Draft.Activities, ActivityComparer.Instance);
        Assert.Equal(AnswerSamples.Activities.Responses, result.Draft.Responses);
        Assert.Empty(result.Conflicts);
    }

    /// <summary>Records with list members compare lists by reference; these compare them by content.</summary>
    private sealed class ItemContributorsComparer : IEqualityComparer<ItemContributors>
    {
        public static ItemContributorsComparer Instance { get; } = new();

        public bool Equals(ItemContributors? x, ItemContributors? y) =>
            x is not null && y is not null && x.List == y.List && x.Key == y.Key && x.Contributors.SequenceEqual(y.Contributors);

        public int GetHashCode(ItemContributors obj) => HashCode.Combine(obj.List, obj.Key);
    }

    private sealed class ActivityComparer : IEqualityComparer<Activity>
    {
        public static ActivityComparer Instance { get; } = new();

        public bool Equals(Activity? x, Activity? y) =>
            x is not null && y is not null && (x with { Goals = [], Channels = [] }) == (y with { Goals = [], Channels = [] })
            && x.Goals.SequenceEqual(y.Goals) && x.Channels.SequenceEqual(y.Channels);

        public int GetHashCode(Activity obj) => obj.Title.GetHashCode(StringComparison.Ordinal);
    }
}
