using System.Reflection;
using CsCheck;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Coherence;
using StrategyFlow.Core.Consolidation;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Tests.Support;

namespace StrategyFlow.Core.Tests.Coherence;

public sealed class CoherenceCheckerTests
{
    private static List<(string Rule, string Subject)> Findings(StageAnswer draft, IReadOnlyList<Conflict>? conflicts = null) =>
        [.. CoherenceChecker.Check(draft, AnswerSamples.Context, conflicts).Select(f => (f.RuleId, f.Subject))];

    [Theory]
    [MemberData(nameof(AnswerSamples.Stages), MemberType = typeof(AnswerSamples))]
    public void Check_CoherentSample_HasNoFindings(StageKey stage) => Assert.Empty(Findings(AnswerSamples.For(stage)));

    [Fact]
    public void Check_GoalWithoutBusinessGoal_IsAnError()
    {
        var finding = Assert.Single(CoherenceChecker.Check(
            AnswerSamples.Goals with { Goals = [new("More B2B leads", " ", "Leads", "")] }, AnswerSamples.Context));

        Assert.Equal(
            (CoherenceRules.GoalWithoutBusinessGoal, Severity.Error, StageKey.Goals, "More B2B leads"),
            (finding.RuleId, finding.Severity, finding.Stage, finding.Subject));
        Assert.Contains("“More B2B leads”", finding.Message.En, StringComparison.Ordinal);
        Assert.Contains("”More B2B leads”", finding.Message.Fi, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GoalWithBusinessGoalNotOfTheStrategy_IsAnError_AndCaseDoesNotMatter()
    {
        Assert.Equal(
            [(CoherenceRules.GoalWithUnknownBusinessGoal, "G")],
            Findings(AnswerSamples.Goals with { Goals = [new("G", "World peace", "m", "")] }));
        Assert.Empty(Findings(AnswerSamples.Goals with { Goals = [new("G", "VAHVISTAA  työnantajakuvaa", "m", "")] }));
    }

    [Fact]
    public void Check_GoalWithoutMetric_IsAWarning()
    {
        var finding = Assert.Single(CoherenceChecker.Check(
            AnswerSamples.Goals with { Goals = [new("G", "Vahvistaa työnantajakuvaa", "", "")] }, AnswerSamples.Context));

        Assert.Equal((CoherenceRules.GoalWithoutMetric, Severity.Warning, "G"), (finding.RuleId, finding.Severity, finding.Subject));
    }

    [Fact]
    public void Check_ChannelReachingNoDefinedAudience_IsAWarning()
    {
        var draft = AnswerSamples.Audiences with
        {
            Channels = [.. AnswerSamples.Audiences.Channels, new("TikTok", [], ""), new("Blog", ["Nobody defined this"], "")],
        };

        Assert.Equal(
            [(CoherenceRules.ChannelWithoutAudience, "Blog"), (CoherenceRules.ChannelWithoutAudience, "TikTok")],
            Findings(draft));
        Assert.All(CoherenceChecker.Check(draft, AnswerSamples.Context), f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void Check_AudienceNoChannelReaches_IsAWarning_AndNamesMatchByTextKey()
    {
        var draft = AnswerSamples.Audiences with
        {
            Audiences = [.. AnswerSamples.Audiences.Audiences, new("Investors", "", AudiencePriority.Low)],
            Channels = [new("LinkedIn", ["it  BUYERS"], ""), new("Instagram", ["Job seekers"], "")],
        };

        var finding = Assert.Single(CoherenceChecker.Check(draft, AnswerSamples.Context));
        Assert.Equal((CoherenceRules.AudienceWithoutChannel, Severity.Warning, "Investors"), (finding.RuleId, finding.Severity, finding.Subject));
    }

    public static TheoryData<string, Activity> IncompleteActivities { get; } = new()
    {
        { CoherenceRules.ActivityWithoutGoal, new("A", "", [], ["LinkedIn"], "", "m", "r") },
        { CoherenceRules.ActivityWithoutGoal, new("A", "", ["Not approved"], ["LinkedIn"], "", "m", "r") },
        { CoherenceRules.ActivityWithoutChannel, new("A", "", ["More B2B leads"], [], "", "m", "r") },
        { CoherenceRules.ActivityWithoutChannel, new("A", "", ["More B2B leads"], ["TikTok"], "", "m", "r") },
        { CoherenceRules.ActivityWithoutMetric, new("A", "", ["More B2B leads"], ["LinkedIn"], "", " ", "r") },
        { CoherenceRules.ActivityWithoutReview, new("A", "", ["More B2B leads"], ["LinkedIn"], "", "m", "") },
    };

    [Theory]
    [MemberData(nameof(IncompleteActivities))]
    public void Check_IncompleteActivity_IsAnError(string rule, Activity activity)
    {
        var draft = AnswerSamples.Activities with { Activities = [.. AnswerSamples.Activities.Activities, activity] };

        var finding = Assert.Single(CoherenceChecker.Check(draft, AnswerSamples.Context));
        Assert.Equal((rule, Severity.Error, StageKey.Activities, "A"), (finding.RuleId, finding.Severity, finding.Stage, finding.Subject));
    }

    [Fact]
    public void Check_ApprovedGoalWithoutActivity_IsAWarningNamingTheGoal()
    {
        var draft = AnswerSamples.Activities with { Activities = [AnswerSamples.Activities.Activities[0]] };

        var finding = Assert.Single(CoherenceChecker.Check(draft, AnswerSamples.Context));
        Assert.Equal(
            (CoherenceRules.GoalWithoutActivity, Severity.Warning, "Stronger employer brand"),
            (finding.RuleId, finding.Severity, finding.Subject));
    }

    [Fact]
    public void Check_NoOverallOwner_IsAnError_AndABlankPersonIsNoOwner()
    {
        Assert.Equal([(CoherenceRules.NoOverallOwner, "")], Findings(AnswerSamples.Ownership with { OverallOwner = null }));
        Assert.Equal([(CoherenceRules.NoOverallOwner, "")], Findings(AnswerSamples.Ownership with { OverallOwner = new(" ", "") }));
        Assert.Empty(Findings(AnswerSamples.Ownership with { OverallOwner = new("", "olli@acme.example") }));
    }

    [Fact]
    public void Check_ApprovedChannelWithoutOwner_IsAnError_AndABlankOwnerIsNoOwner()
    {
        var draft = AnswerSamples.Ownership with { ChannelOwners = [new("linkedin", "Sanna"), new("Instagram", " ")] };

        var finding = Assert.Single(CoherenceChecker.Check(draft, AnswerSamples.Context));
        Assert.Equal((CoherenceRules.ChannelWithoutOwner, Severity.Error, "Instagram"), (finding.RuleId, finding.Severity, finding.Subject));
    }

    [Fact]
    public void Check_ApprovedActivityWithoutOwner_IsAnError()
    {
        var draft = AnswerSamples.Ownership with { ActivityOwners = [new("Weekly case study", "Sanna")] };

        var finding = Assert.Single(CoherenceChecker.Check(draft, AnswerSamples.Context));
        Assert.Equal((CoherenceRules.ActivityWithoutOwner, Severity.Error, "Employee stories"), (finding.RuleId, finding.Severity, finding.Subject));
    }

    [Fact]
    public void Check_TwoStakeholdersNamingDifferentOwners_IsAConflictWarningNamingTheCandidates()
    {
        var owners = (string linkedIn) => AnswerSamples.Ownership with { ChannelOwners = [new("LinkedIn", linkedIn), new("Instagram", "Pekka")] };
        var consolidated = Consolidator.Consolidate(StageKey.Ownership,
            [new("anna@acme.example", owners("Sanna")), new("bert@acme.example", owners("Liisa")), new("cecilia@acme.example", owners("Sanna"))]);

        var finding = Assert.Single(CoherenceChecker.Check(consolidated.Draft, AnswerSamples.Context, consolidated.Conflicts));

        Assert.Equal((CoherenceRules.OwnerConflict, Severity.Warning, "LinkedIn"), (finding.RuleId, finding.Severity, finding.Subject));
        Assert.Contains("“Liisa” (bert@acme.example)", finding.Message.En, StringComparison.Ordinal);
        Assert.Contains("“Sanna” (anna@acme.example, cecilia@acme.example)", finding.Message.En, StringComparison.Ordinal);
        Assert.Contains("”Liisa” (bert@acme.example)", finding.Message.Fi, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConflictingOverallOwners_IsAConflictWarning()
    {
        Conflict[] conflicts =
        [
            new("overallOwner", "Olli <olli@acme.example>", Consolidator.PersonField,
                [new("Olli <olli@acme.example>", ["anna@acme.example"]), new("Aino <aino@acme.example>", ["bert@acme.example"])]),
        ];

        var finding = Assert.Single(CoherenceChecker.Check(AnswerSamples.Ownership, AnswerSamples.Context, conflicts));

        Assert.Equal((CoherenceRules.OwnerConflict, Severity.Warning), (finding.RuleId, finding.Severity));
        Assert.Contains("Aino <aino@acme.example>", finding.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OwnerTieLeftUnchosen_IsOneErrorAskingForAChoiceInsteadOfAMissingOwner()
    {
        var owners = (string linkedIn) => AnswerSamples.Ownership with { ChannelOwners = [new("LinkedIn", linkedIn), new("Instagram", "Pekka")] };
        var consolidated = Consolidator.Consolidate(StageKey.Ownership,
            [new("anna@acme.example", owners("Sanna")), new("bert@acme.example", owners("Liisa"))]);

        var finding = Assert.Single(CoherenceChecker.Check(consolidated.Draft, AnswerSamples.Context, consolidated.Conflicts));

        Assert.Equal((CoherenceRules.UnresolvedTie, Severity.Error, "LinkedIn"), (finding.RuleId, finding.Severity, finding.Subject));
        Assert.Equal("Stakeholders are split evenly on the owner of the channel “LinkedIn”. Choose one of their answers or write your own.", finding.Message.En);
        Assert.Equal("Sidosryhmien näkemykset jakautuivat tasan: kanavan ”LinkedIn” vastuuhenkilö. Valitse yksi ehdotuksista tai kirjoita oma.", finding.Message.Fi);
    }

    [Fact]
    public void Check_TieTheApproverChose_IsOnlyTheConflictWarning()
    {
        var owners = (string linkedIn) => AnswerSamples.Ownership with { ChannelOwners = [new("LinkedIn", linkedIn), new("Instagram", "Pekka")] };
        var consolidated = Consolidator.Consolidate(StageKey.Ownership,
            [new("anna@acme.example", owners("Sanna")), new("bert@acme.example", owners("Liisa"))]);
        var chosen = consolidated.Draft with { ChannelOwners = [new("Instagram", "Pekka"), new("LinkedIn", "Liisa")] };

        var finding = Assert.Single(CoherenceChecker.Check(chosen, AnswerSamples.Context, consolidated.Conflicts));

        Assert.Equal(CoherenceRules.OwnerConflict, finding.RuleId);
    }

    [Fact]
    public void Check_ConflictsOutsideOwnership_AreNotOwnerConflicts()
    {
        Conflict[] conflicts =
        [
            new("participants", "HR", "role", [new("Stories", ["a@acme.example"]), new("Hiring", ["b@acme.example"])]),
            new("channels", "LinkedIn", "purpose", [new("x", ["a@acme.example"]), new("y", ["b@acme.example"])]),
        ];

        Assert.Empty(Findings(AnswerSamples.Ownership, conflicts));
        Assert.Empty(Findings(AnswerSamples.Audiences, conflicts));
    }

    [Fact]
    public void Check_ManyFindings_ComeInRuleOrderThenBySubject()
    {
        var draft = AnswerSamples.Activities with
        {
            Activities =
            [
                new("zebra", "", [], [], "", "", ""),
                new("Apple", "", [], [], "", "m", "r"),
            ],
        };

        Assert.Equal(
            [
                (CoherenceRules.ActivityWithoutGoal, "Apple"),
                (CoherenceRules.ActivityWithoutGoal, "zebra"),
                (CoherenceRules.ActivityWithoutChannel, "Apple"),
                (CoherenceRules.ActivityWithoutChannel, "zebra"),
                (CoherenceRules.ActivityWithoutMetric, "zebra"),
                (CoherenceRules.ActivityWithoutReview, "zebra"),
                (CoherenceRules.GoalWithoutActivity, "More B2B leads"),
                (CoherenceRules.GoalWithoutActivity, "Stronger employer brand"),
            ],
            Findings(draft));
    }

    [Fact]
    public void Check_OnlyTheDraftsOwnStageIsChecked()
    {
        // A goals draft carrying an activity with nothing filled in: stage 3 rules do not run on stage 1.
        var draft = AnswerSamples.Goals with { Activities = [new("A", "", [], [], "", "", "")] };

        Assert.Empty(Findings(draft));
    }

    [Fact]
    public void Rules_EveryConstantIsListedOnce_WithItsStageAndASummary()
    {
        var constants = typeof(CoherenceRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(StringComparer.Ordinal), CoherenceRules.All.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(CoherenceRules.All.Count, CoherenceRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(CoherenceRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Summary)));
        // Rules run stage by stage: the list is ordered by stage.
        Assert.Equal(CoherenceRules.All.Select(r => r.Stage).Order(), CoherenceRules.All.Select(r => r.Stage));
    }

    [Fact]
    public void Check_AnyInput_NeverThrows_AndFindingsFollowTheirRules() =>
        Gen.Select(AnswerGenerators.AnyAnswer, AnswerGenerators.AnyContext).Sample((draft, context) =>
        {
            var findings = CoherenceChecker.Check(draft, context);

            Assert.All(findings, f =>
            {
                var rule = CoherenceRules.Get(f.RuleId);
                Assert.Equal((rule.Stage ?? draft.Stage, rule.Severity), (draft.Stage, f.Severity));
                Assert.False(string.IsNullOrWhiteSpace(f.Message.Fi));
                Assert.False(string.IsNullOrWhiteSpace(f.Message.En));
            });
            Assert.Equal(findings.Select(f => CoherenceRules.IndexOf(f.RuleId)).Order(), findings.Select(f => CoherenceRules.IndexOf(f.RuleId)));
        }, iter: 300);
}
