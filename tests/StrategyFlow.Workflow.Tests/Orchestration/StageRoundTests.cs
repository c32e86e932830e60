using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Orchestration;

/// <summary>The rules of one round, without a Durable host: each test names the rule it guards.</summary>
public sealed class StageRoundTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AnswerDeadline = Start.AddDays(5);
    private static readonly DateTimeOffset ReviewDeadline = Start.AddDays(8);

    private static StageRound Round(int stakeholders = 2, int approvers = 1, string policy = "any", int number = 1) =>
        new(Samples.Definition("rules", stakeholders, approvers, policy).Plan(StageKey.Goals), number, AnswerDeadline);

    private static StageRound Reviewing(int approvers = 1, string policy = "any", string draft = "draft-0")
    {
        var round = Round(stakeholders: 1, approvers: approvers, policy: policy);
        Assert.Null(round.Answer(Samples.Stakeholder(1), 1, "answer-1", Start));
        round.CloseCollection(ReviewDeadline);
        round.StartReview(draft);
        return round;
    }

    private static DecisionSubmitted Decision(
        int approver, DecisionKind kind, string draft = "draft-0", string? seen = "draft-0", string comment = "", int round = 1, StageKey stage = StageKey.Goals) =>
        new(stage, round, Samples.Approver(approver), kind, comment, draft, Start.AddDays(6), seen);

    private static void AssertEnd(RoundEnd? end, ReviewOutcome outcome, string? draft, string[] approvedBy, string comment)
    {
        Assert.NotNull(end);
        Assert.Equal((outcome, draft, comment), (end.Outcome, end.DraftSha256, end.Comment));
        Assert.Equal(approvedBy, end.ApprovedBy);
    }

    // ---- Answers --------------------------------------------------------------------------

    [Fact]
    public void Answer_FromStakeholderBeforeDeadline_Counts()
    {
        var round = Round();

        Assert.Null(round.Answer(Samples.Stakeholder(1), 1, "sha-a", Start.AddDays(1)));

        Assert.Equal("sha-a", round.Answers[Samples.Stakeholder(1)]);
        Assert.Equal([Samples.Stakeholder(2)], round.PendingStakeholders);
        Assert.False(round.EveryoneAnswered);
    }

    [Fact]
    public void Answer_Revision_ReplacesEarlierAnswer_AndRevertingCountsAgain()
    {
        var round = Round();
        var stakeholder = Samples.Stakeholder(1);

        Assert.Null(round.Answer(stakeholder, 1, "sha-a", Start));
        Assert.Null(round.Answer(stakeholder, 1, "sha-b", Start));
        Assert.Null(round.Answer(stakeholder, 1, "sha-a", Start));

        Assert.Equal("sha-a", round.Answers[stakeholder]);
    }

    [Fact]
    public void Answer_SameContentTwice_IsIgnoredAsDuplicate()
    {
        var round = Round();
        round.Answer(Samples.Stakeholder(1), 1, "sha-a", Start);

        Assert.Equal(IgnoreReasons.Duplicate, round.Answer(Samples.Stakeholder(1), 1, "sha-a", Start));
    }

    [Fact]
    public void Answer_ForAnotherRound_IsIgnored()
    {
        var round = Round(number: 2);

        Assert.Equal(IgnoreReasons.AnotherRound, round.Answer(Samples.Stakeholder(1), 1, "sha-a", Start));
        Assert.Empty(round.Answers);
    }

    [Fact]
    public void Answer_FromSomeoneNotInTheStage_IsIgnored()
    {
        Assert.Equal(IgnoreReasons.NotStakeholder, Round().Answer("intruder@evil.example", 1, "sha-a", Start));
    }

    [Fact]
    public void Answer_MixedCaseEmail_CountsForTheStakeholder()
    {
        var round = Round();

        Assert.Null(round.Answer(Samples.Stakeholder(1).ToUpperInvariant(), 1, "sha-a", Start));

        Assert.True(round.Answers.ContainsKey(Samples.Stakeholder(1)));
    }

    [Fact]
    public void Answer_SubmittedAfterTheAnnouncedDeadline_IsIgnored()
    {
        var round = Round();

        Assert.Equal(IgnoreReasons.AfterDeadline, round.Answer(Samples.Stakeholder(1), 1, "sha-a", AnswerDeadline.AddTicks(1)));
        Assert.Null(round.Answer(Samples.Stakeholder(1), 1, "sha-a", AnswerDeadline));
    }

    [Fact]
    public void Answer_AfterCollectionClosed_IsIgnoredAsRoundClosed()
    {
        var round = Round();
        round.CloseCollection(ReviewDeadline);

        Assert.Equal(IgnoreReasons.RoundClosed, round.Answer(Samples.Stakeholder(1), 1, "sha-a", Start));
    }

    [Fact]
    public void CloseCollection_ReturnsCountedAnswersInOrder_AndMovesTheDeadline()
    {
        var round = Round();
        round.Answer(Samples.Stakeholder(2), 1, "sha-2", Start);
        round.Answer(Samples.Stakeholder(1), 1, "sha-1", Start);

        var answers = round.CloseCollection(ReviewDeadline);

        Assert.Equal([new AnswerRef(Samples.Stakeholder(1), "sha-1"), new AnswerRef(Samples.Stakeholder(2), "sha-2")], answers);
        Assert.Equal(RoundPhase.Reviewing, round.Phase);
        Assert.Equal(ReviewDeadline, round.Deadline);
    }

    // ---- Decisions: guards ----------------------------------------------------------------

    [Fact]
    public void Decide_WhileCollecting_IsIgnored()
    {
        Assert.Equal(IgnoreReasons.NotAwaitingApproval, Round().Decide(Decision(1, DecisionKind.Approved)).IgnoredBecause);
    }

    [Fact]
    public void Decide_ForAnotherStage_IsIgnored() =>
        Assert.Equal(IgnoreReasons.AnotherStage, Reviewing().Decide(Decision(1, DecisionKind.Approved, stage: StageKey.Audiences)).IgnoredBecause);

    [Fact]
    public void Answer_ForAnotherStageWithTheSameRound_IsIgnored()
    {
        var round = Round();

        Assert.Equal(IgnoreReasons.AnotherStage, round.Answer(new AnswerSubmitted(StageKey.Activities, 1, Samples.Stakeholder(1), "sha-a", Start)));
        Assert.Null(round.Answer(new AnswerSubmitted(StageKey.Goals, 1, Samples.Stakeholder(1), "sha-a", Start)));
    }

    [Fact]
    public void Decide_ForAnotherRound_IsIgnored()
    {
        Assert.Equal(IgnoreReasons.AnotherRound, Reviewing().Decide(Decision(1, DecisionKind.Approved, round: 2)).IgnoredBecause);
    }

    [Fact]
    public void Decide_BySomeoneNotAnApprover_IsIgnored()
    {
        var intruder = Decision(1, DecisionKind.Approved) with { Approver = "intruder@evil.example" };

        Assert.Equal(IgnoreReasons.NotApprover, Reviewing().Decide(intruder).IgnoredBecause);
    }

    // ---- Policy any -----------------------------------------------------------------------

    [Fact]
    public void Decide_AnyPolicy_FirstApprovalEndsTheRound_AndLaterDecisionsAreAlreadyDecided()
    {
        var round = Reviewing(approvers: 2);

        var first = round.Decide(Decision(2, DecisionKind.Approved));
        var second = round.Decide(Decision(1, DecisionKind.ChangesRequested, comment: "Ei vielä"));

        AssertEnd(first.End, ReviewOutcome.Approved, "draft-0", [Samples.Approver(2)], "");
        Assert.Equal("draft-0", first.Record!.ContentSha256);
        Assert.Equal(IgnoreReasons.AlreadyDecided, second.IgnoredBecause);
        Assert.Equal(RoundPhase.Approving, round.Phase);
    }

    [Fact]
    public void Decide_ApprovalWithEdits_ApprovesTheEditedDraft()
    {
        var round = Reviewing();

        var verdict = round.Decide(Decision(1, DecisionKind.Approved, draft: "draft-edited"));

        Assert.Equal("draft-edited", verdict.End!.DraftSha256);
        Assert.Equal([new DraftEdit(Samples.Approver(1), Start.AddDays(6), "draft-edited")], round.Edits);
    }

    [Fact]
    public void Decide_ChangesRequested_EndsRoundWithComment()
    {
        var round = Reviewing(approvers: 2, policy: "all");

        var verdict = round.Decide(Decision(1, DecisionKind.ChangesRequested, comment: "Lisätkää mittari."));

        AssertEnd(verdict.End, ReviewOutcome.ChangesRequested, null, [], "Lisätkää mittari.");
        Assert.Null(verdict.Record!.ContentSha256);
        Assert.Equal(RoundPhase.Closed, round.Phase);
    }

    [Fact]
    public void Decide_Rejected_EndsRoundRejected()
    {
        var verdict = Reviewing().Decide(Decision(1, DecisionKind.Rejected, comment: "Ei tänä vuonna."));

        Assert.Equal(ReviewOutcome.Rejected, verdict.End!.Outcome);
    }

    [Fact]
    public void ApprovalRefused_WithdrawsTheApproval_AndTheRoundReviewsAgain()
    {
        var round = Reviewing();
        round.Decide(Decision(1, DecisionKind.Approved));

        round.ApprovalRefused(Samples.Approver(1));

        Assert.Equal(RoundPhase.Reviewing, round.Phase);
        Assert.Equal([Samples.Approver(1)], round.PendingApprovers);
        Assert.NotNull(round.Decide(Decision(1, DecisionKind.Approved)).End);
    }

    // ---- Policy all -----------------------------------------------------------------------

    [Fact]
    public void Decide_AllPolicy_WaitsUntilEveryApproverApprovedTheSameHash()
    {
        var round = Reviewing(approvers: 2, policy: "all");

        var first = round.Decide(Decision(1, DecisionKind.Approved));
        Assert.Null(first.End);
        Assert.Equal([Samples.Approver(1)], round.Approved);
        Assert.Equal([Samples.Approver(2)], round.PendingApprovers);

        var second = round.Decide(Decision(2, DecisionKind.Approved));
        AssertEnd(second.End, ReviewOutcome.Approved, "draft-0", [Samples.Approver(1), Samples.Approver(2)], "");
    }

    [Fact]
    public void Decide_AllPolicy_AnEditAfterAnApproval_LapsesItAndAsksThatApproverAgain()
    {
        var round = Reviewing(approvers: 3, policy: "all");
        round.Decide(Decision(1, DecisionKind.Approved));

        var edit = round.Decide(Decision(2, DecisionKind.Approved, draft: "draft-1"));

        Assert.Null(edit.End);
        Assert.Equal([Samples.Approver(1)], edit.AskAgain);
        Assert.Equal("draft-1", round.DraftSha256);
        Assert.Equal([Samples.Approver(2)], round.Approved);
        Assert.Equal([Samples.Approver(1), Samples.Approver(3)], round.PendingApprovers);
    }

    [Fact]
    public void Decide_AllPolicy_ApprovedOnlyWhenEveryApprovalIsForTheFinalHash()
    {
        var round = Reviewing(approvers: 2, policy: "all");
        round.Decide(Decision(1, DecisionKind.Approved));
        round.Decide(Decision(2, DecisionKind.Approved, draft: "draft-1"));

        var again = round.Decide(Decision(1, DecisionKind.Approved, draft: "draft-1", seen: "draft-1"));

        AssertEnd(again.End, ReviewOutcome.Approved, "draft-1", [Samples.Approver(1), Samples.Approver(2)], "");
        Assert.Equal("draft-1", again.Record!.ContentSha256);
    }

    [Fact]
    public void Decide_AllPolicy_EditOfADraftThatMovedOn_IsIgnoredNotOverwritten()
    {
        var round = Reviewing(approvers: 3, policy: "all");
        round.Decide(Decision(1, DecisionKind.Approved, draft: "draft-1"));

        var stale = round.Decide(Decision(2, DecisionKind.Approved, draft: "draft-2", seen: "draft-0"));

        Assert.Equal(IgnoreReasons.DraftChanged, stale.IgnoredBecause);
        Assert.Equal("draft-1", round.DraftSha256);
        Assert.Single(round.Edits);
    }

    [Fact]
    public void Decide_AllPolicy_SameApprovalTwice_IsIgnoredAsDuplicate()
    {
        var round = Reviewing(approvers: 2, policy: "all");
        round.Decide(Decision(1, DecisionKind.Approved));

        Assert.Equal(IgnoreReasons.Duplicate, round.Decide(Decision(1, DecisionKind.Approved)).IgnoredBecause);
    }

    [Fact]
    public void Decide_AllPolicy_ApprovalOfTheCurrentDraftWithoutBase_Counts()
    {
        var round = Reviewing(approvers: 2, policy: "all");

        Assert.Null(round.Decide(Decision(1, DecisionKind.Approved, seen: null)).IgnoredBecause);
    }
}
