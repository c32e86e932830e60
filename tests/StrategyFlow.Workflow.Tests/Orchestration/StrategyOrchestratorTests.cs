using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Strategies;
using StrategyFlow.Workflow.Tests.Fakes;
using Xunit.Abstractions;

namespace StrategyFlow.Workflow.Tests.Orchestration;

/// <summary>The whole workflow, for real, on the in-memory Durable Task host.</summary>
public sealed class StrategyOrchestratorTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync(output);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Strategy_AllFourStagesApproved_ArchivesDocumentAndTellsEveryone()
    {
        var definition = Samples.Definition("happy-path");
        await _host.StartAsync(definition);

        foreach (var stage in StageKeys.InOrder)
        {
            await _host.PassStageAsync(definition, stage);
        }

        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        Assert.Equal(DocumentOutcome.Approved, outcome.Outcome);
        Assert.Equal(4, outcome.Decisions.Count);
        Assert.All(outcome.Decisions, d => Assert.Equal(DecisionKind.Approved, d.Decision));

        Assert.Equal(
            [
                "happy-path/stages/1-goals.json", "happy-path/stages/2-audiences.json",
                "happy-path/stages/3-activities.json", "happy-path/stages/4-ownership.json",
                "happy-path/strategy.html", "happy-path/strategy.json", "happy-path/strategy.md",
            ],
            _host.Blobs.Names(Containers.Archive));
        var goals = await _host.Repository.GetArchivedStageAsync(definition.Id, StageKey.Goals);
        Assert.Equal(Samples.Answer(StageKey.Goals).Goals, goals!.Content.Goals);
        Assert.Equal([Samples.Approver(1)], goals.ApprovedBy);
        Assert.Equal(CoreJson.Sha256(goals.Content), goals.ContentSha256);

        foreach (var stakeholder in definition.Plan(StageKey.Goals).Stakeholders)
        {
            Assert.Equal(4, _host.MailsTo(stakeholder.Email, nameof(MailKind.Invitation)).Count);
            Assert.Single(_host.MailsTo(stakeholder.Email, nameof(MailKind.Completed)));
        }

        Assert.Equal(4, _host.MailsTo(Samples.Approver(1), nameof(MailKind.ReviewRequest)).Count);
        Assert.Equal(4, _host.MailsTo(Samples.Owner, nameof(MailKind.StageApproved)).Count);
        Assert.Single(_host.MailsTo(Samples.Owner, nameof(MailKind.Completed)));
    }

    /// <summary>The archive keeps the findings the approver saw, conflicts between stakeholders included.</summary>
    [Fact]
    public async Task Archive_StakeholdersSplitOnAnOwnerAndTheApproverChose_KeepsTheOwnerConflictWarning()
    {
        var definition = Samples.Definition("owners-differ");
        await _host.StartAsync(definition);
        foreach (var stage in new[] { StageKey.Goals, StageKey.Audiences, StageKey.Activities })
        {
            await _host.PassStageAsync(definition, stage);
        }

        await _host.WaitForStageAsync(definition.Id, StageKey.Ownership, 1, StagePhase.CollectingInput);
        var ownership = Samples.Answer(StageKey.Ownership);
        await _host.AnswerAsync(definition.Id, StageKey.Ownership, 1, Samples.Stakeholder(1), ownership);
        await _host.AnswerAsync(definition.Id, StageKey.Ownership, 1, Samples.Stakeholder(2), ownership with { ChannelOwners = [new ChannelOwner("LinkedIn", "Mikko")] });
        await _host.WaitForStageAsync(definition.Id, StageKey.Ownership, 1, StagePhase.AwaitingApproval);
        var review = await WorkflowHost.WaitForAsync(() => _host.Repository.GetReviewAsync(definition.Id, StageKey.Ownership, 1), "the ownership review");
        var chosen = review.Consolidated.Draft with { ChannelOwners = [new ChannelOwner("LinkedIn", "Mikko")] };
        await _host.DecideAsync(definition.Id, StageKey.Ownership, 1, Samples.Approver(1), DecisionKind.Approved, draft: chosen);

        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        var archived = await _host.Repository.ReadArchiveAsync(outcome.Document.Json);
        using var document = JsonDocument.Parse(archived!.ToString());
        var finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal((Core.Coherence.CoherenceRules.OwnerConflict, "LinkedIn"), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task Stage_ChangesRequested_StartsNewRoundWithCommentAndPreviousAnswers()
    {
        var definition = Samples.Definition("send-back");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        var first = Samples.Answer(StageKey.Goals);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), first);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(2), first);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval);

        await _host.DecideAsync(definition.Id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.ChangesRequested, "Lisätkää mittari työnantajakuvalle.");

        var round2 = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 2, StagePhase.CollectingInput);
        Assert.Equal("Lisätkää mittari työnantajakuvalle.", round2.SendBackComment);
        Assert.Equal([Samples.Stakeholder(1), Samples.Stakeholder(2)], round2.Pending);
        var decision = Assert.Single(round2.Decisions);
        Assert.Equal(DecisionKind.ChangesRequested, decision.Decision);

        var sentBack = await WorkflowHost.WaitForAsync(
            () => Task.FromResult(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.SentBack)).FirstOrDefault()), "send-back mail");
        Assert.Equal("2", sentBack.CustomArgs["round"]);
        var previous = await _host.Repository.GetReviewAsync(definition.Id, StageKey.Goals, 1);
        Assert.Equal(first.Goals, previous!.Answers.Single(a => a.Contributor == Samples.Stakeholder(1)).Answer.Goals);
    }

    [Fact]
    public async Task Strategy_Rejected_EndsRejectedWithRecordArchived()
    {
        var definition = Samples.Definition("rejected");
        await _host.StartAsync(definition);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Audiences, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Audiences));
        await _host.AnswerAsync(definition.Id, StageKey.Audiences, 1, Samples.Stakeholder(2), Samples.Answer(StageKey.Audiences));
        await _host.DecideAsync(definition.Id, StageKey.Audiences, 1, Samples.Approver(1), DecisionKind.Rejected, "Ei tänä vuonna.");

        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        Assert.Equal(DocumentOutcome.Rejected, outcome.Outcome);
        Assert.Equal("Ei tänä vuonna.", outcome.Reason);
        Assert.Contains("rejected/strategy.json", _host.Blobs.Names(Containers.Archive));
        Assert.DoesNotContain("rejected/stages/2-audiences.json", _host.Blobs.Names(Containers.Archive));
        Assert.Single(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Rejected)));
    }

    [Fact]
    public async Task Strategy_CancelledWhileCollecting_EndsCleanlyAndTellsParticipants()
    {
        var definition = Samples.Definition("cancelled");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        await _host.Client.RaiseEventAsync(definition.Id, WorkflowEvents.CancelRequested, new CancelRequested("Budjetti jäädytetty.", DateTimeOffset.UtcNow));

        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        Assert.Equal(DocumentOutcome.Cancelled, outcome.Outcome);
        Assert.Equal("Budjetti jäädytetty.", outcome.Reason);
        Assert.Single(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Cancelled)));
        Assert.Contains("cancelled/strategy.json", _host.Blobs.Names(Containers.Archive));
    }

    [Fact]
    public async Task Strategy_Cancelled_KeepsTheReasonInEveryArchivedFormatAndMailsEveryoneTheirReaderLink()
    {
        var definition = Samples.Definition("cancel-reason");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        await _host.Client.RaiseEventAsync(definition.Id, WorkflowEvents.CancelRequested, new CancelRequested("Budjetti jäädytetty.", DateTimeOffset.UtcNow));

        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        foreach (var blob in new[] { outcome.Document.Json, outcome.Document.Markdown, outcome.Document.Html })
        {
            Assert.Contains("Budjetti jäädytetty", (await _host.Repository.ReadArchiveAsync(blob))!.ToString(), StringComparison.Ordinal);
        }

        foreach (var person in definition.Everyone())
        {
            var mail = Assert.Single(_host.MailsTo(person.Email, nameof(MailKind.Cancelled)));
            var token = _host.Services.GetRequiredService<Core.Links.LinkTokens>().Verify(mail.Token);
            Assert.Equal((Core.Links.LinkRole.Reader, person.Email), (token.Claims!.Role, token.Claims.Participant));
        }
    }

    [Fact]
    public async Task Strategy_Started_MailsTheOwnerAConfirmationWithTheirProgressLink()
    {
        var definition = Samples.Definition("started");
        await _host.StartAsync(definition);

        var mail = await WorkflowHost.WaitForAsync(() => Task.FromResult(_host.MailsTo(Samples.Owner, "Started").SingleOrDefault()), "the start confirmation");

        var token = _host.Services.GetRequiredService<Core.Links.LinkTokens>().Verify(mail.Token);
        Assert.Equal((Core.Links.LinkRole.Owner, Samples.Owner), (token.Claims!.Role, token.Claims.Participant));
        Assert.Contains(definition.Header.Title, mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_DeadlineWithPartialAnswers_RemindsThenReviewsWhatArrived()
    {
        var definition = Samples.Definition("deadline", timing: new TimingRequest
        {
            ResponseWindow = "PT3S", ReminderInterval = "PT1S", MaxReminders = 2, ApprovalWindow = "PT5M",
        });
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));

        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval);

        Assert.Equal(2, _host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Reminder)).Count);
        Assert.Empty(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Reminder)));
        // The round closes (status) in the episode that asks for the review; the review is written by the activity.
        var review = await WorkflowHost.WaitForAsync(() => _host.Repository.GetReviewAsync(definition.Id, StageKey.Goals, 1), "review");
        Assert.Equal([Samples.Stakeholder(2)], review.NotAnswered);
        Assert.Equal([Samples.Stakeholder(1)], review.Answers.Select(a => a.Contributor));
    }

    [Fact]
    public async Task Review_NoDecisionAfterLastReminder_EscalatesToOwnerAndNeverAutoApproves()
    {
        var definition = Samples.Definition("escalation", stakeholders: 1, timing: new TimingRequest
        {
            ResponseWindow = "PT5M", ReminderInterval = "PT1S", MaxReminders = 1, ApprovalWindow = "PT2S",
        });
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));

        var escalated = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.Escalated);

        Assert.Equal(1, escalated.RemindersSent);
        Assert.Single(_host.MailsTo(Samples.Approver(1), nameof(MailKind.ReviewReminder)));
        var escalation = Assert.Single(_host.MailsTo(Samples.Owner, nameof(MailKind.Escalation)));
        Assert.Equal(Core.Links.LinkRole.Owner, _host.Services.GetRequiredService<Core.Links.LinkTokens>().Verify(escalation.Token).Claims!.Role); // progress, not a form

        Assert.Equal([Samples.Approver(1)], escalated.Pending);

        await _host.DecideAsync(definition.Id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Approved);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
    }

    [Fact]
    public async Task Review_PolicyAll_WaitsForEveryApprover()
    {
        var definition = Samples.Definition("policy-all", stakeholders: 1, approvers: 2, policy: "all");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval);

        await _host.DecideAsync(definition.Id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Approved);
        var waiting = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.Answered.Count == 1);
        Assert.Equal([Samples.Approver(2)], waiting.Pending);

        await _host.DecideAsync(definition.Id, StageKey.Goals, 1, Samples.Approver(2), DecisionKind.Approved);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        var goals = await _host.Repository.GetArchivedStageAsync(definition.Id, StageKey.Goals);
        Assert.Equal([Samples.Approver(1), Samples.Approver(2)], goals!.ApprovedBy);
    }

    /// <summary>Policy all: an approval is for a content hash, and the stage is approved only when every approver approved the archived one.</summary>
    [Fact]
    public async Task Review_PolicyAllWithAnEditAfterAnApproval_AsksAgainAndArchivesOnlyContentEveryoneApproved()
    {
        var definition = Samples.Definition("all-same-content", stakeholders: 1, approvers: 2, policy: "all");
        var id = definition.Id;
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.DraftSha256 is not null);

        await _host.DecideAsync(id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Approved);
        await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.Answered.Count == 1);
        var review = await _host.Repository.GetReviewAsync(id, StageKey.Goals, 1);
        var edited = review!.Consolidated.Draft with { Goals = [review.Consolidated.Draft.Goals[0] with { Target = "80" }] };
        await _host.DecideAsync(id, StageKey.Goals, 1, Samples.Approver(2), DecisionKind.Approved, "Nostin tavoitetta.", edited);

        var editedSha = CoreJson.Sha256(edited);
        var afterEdit = await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.DraftSha256 == editedSha);
        Assert.Equal([Samples.Approver(2)], afterEdit.Answered);
        Assert.Equal([Samples.Approver(1)], afterEdit.Pending);
        Assert.Equal(Samples.Approver(2), Assert.Single(afterEdit.Edits).Approver);
        var askedAgain = await WorkflowHost.WaitForAsync(
            () => Task.FromResult(_host.MailsTo(Samples.Approver(1), nameof(MailKind.DraftChanged)).FirstOrDefault()), "request to approve again");
        Assert.NotNull(askedAgain.Token);
        Assert.Empty(_host.MailsTo(Samples.Approver(2), nameof(MailKind.DraftChanged)));

        await _host.DecideAsync(id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Approved, draft: edited);
        await _host.WaitForStageAsync(id, StageKey.Audiences, 1, StagePhase.CollectingInput);

        var archived = await _host.Repository.GetArchivedStageAsync(id, StageKey.Goals);
        Assert.Equal(editedSha, archived!.ContentSha256);
        Assert.Equal(editedSha, CoreJson.Sha256(archived.Content));
        Assert.Equal([Samples.Approver(1), Samples.Approver(2)], archived.ApprovedBy);
        var decisions = (await _host.ProgressAsync(id))!.Decisions;
        foreach (var approver in archived.ApprovedBy)
        {
            var last = decisions.Last(d => d.Approver == approver);
            Assert.Equal((DecisionKind.Approved, editedSha), (last.Decision, last.ContentSha256));
        }
    }

    [Fact]
    public async Task Review_PolicyAny_FirstDecisionWins()
    {
        var definition = Samples.Definition("policy-any", stakeholders: 1, approvers: 2, policy: "any");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval);

        await _host.DecideAsync(definition.Id, StageKey.Goals, 1, Samples.Approver(2), DecisionKind.Approved);

        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        var goals = await _host.Repository.GetArchivedStageAsync(definition.Id, StageKey.Goals);
        Assert.Equal([Samples.Approver(2)], goals!.ApprovedBy);
    }

    [Fact]
    public async Task Stage_DuplicateAndStaleEvents_AreIgnoredAndAudited()
    {
        var definition = Samples.Definition("dedupe");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        var id = definition.Id;
        var goals = StageKey.Goals;

        var sha = await _host.AnswerAsync(id, goals, 1, Samples.Stakeholder(1), Samples.Answer(goals));
        await _host.Client.RaiseEventAsync(id, WorkflowEvents.AnswerSubmitted, new AnswerSubmitted(goals, 1, Samples.Stakeholder(1), sha, DateTimeOffset.UtcNow));
        await _host.Client.RaiseEventAsync(id, WorkflowEvents.AnswerSubmitted, new AnswerSubmitted(goals, 2, Samples.Stakeholder(2), sha, DateTimeOffset.UtcNow));
        await _host.Client.RaiseEventAsync(id, WorkflowEvents.AnswerSubmitted, new AnswerSubmitted(goals, 1, "intruder@evil.example", sha, DateTimeOffset.UtcNow));
        await _host.Client.RaiseEventAsync(id, WorkflowEvents.AnswerSubmitted, new AnswerSubmitted(StageKey.Ownership, 1, Samples.Stakeholder(2), sha, DateTimeOffset.UtcNow));
        await _host.Client.RaiseEventAsync(id, WorkflowEvents.DecisionSubmitted,
            new DecisionSubmitted(goals, 1, Samples.Approver(1), DecisionKind.Approved, "", sha, DateTimeOffset.UtcNow));

        var status = await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.IgnoredEvents == 5);
        Assert.Equal([Samples.Stakeholder(1)], status.Answered);
        Assert.Equal([Samples.Stakeholder(2)], status.Pending);

        // The stage still works: the second stakeholder completes the round.
        await _host.AnswerAsync(id, StageKey.Goals, 1, Samples.Stakeholder(2), Samples.Answer(StageKey.Goals));
        await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.AwaitingApproval);
        await _host.DecideAsync(id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Approved);
        await _host.DecideAsync(id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Rejected);
        await _host.WaitForStageAsync(id, StageKey.Audiences, 1, StagePhase.CollectingInput);
    }

    /// <summary>
    /// https://github.com/Azure/azure-functions-durable-extension/issues/3255: an answer that arrives while reminder timers
    /// fire must never be lost. Reminders fire every second; each answer is sent the moment a reminder went out.
    /// </summary>
    [Fact]
    public async Task Stage_AnswersArrivingAsRemindersFire_AreAllCounted()
    {
        const int Stakeholders = 4;
        var definition = Samples.Definition("reminder-race", stakeholders: Stakeholders, timing: new TimingRequest
        {
            ResponseWindow = "PT30S", ReminderInterval = "PT1S", MaxReminders = 10, ApprovalWindow = "PT5M",
        });
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        for (var i = 1; i <= Stakeholders; i++)
        {
            var reminders = i;
            await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.RemindersSent >= reminders);
            await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(i), Samples.Answer(StageKey.Goals));
        }

        // Every answer counted: the round closed because all answered, well before its 30 s deadline.
        var review = await WorkflowHost.WaitForAsync(() => _host.Repository.GetReviewAsync(definition.Id, StageKey.Goals, 1), "review");
        Assert.Empty(review.NotAnswered);
        Assert.Equal(Stakeholders, review.Answers.Count);
        var status = await _host.StageStatusAsync(definition.Id, StageKey.Goals);
        Assert.Equal(0, status!.IgnoredEvents);
    }

    [Fact]
    public async Task SendMail_TransientSendGridFailures_DeliversEachInvitationExactlyOnce()
    {
        _host.Mail.Fail(HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError);
        var definition = Samples.Definition("mail-retry");
        await _host.StartAsync(definition);

        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await WorkflowHost.WaitForAsync(
            () => Task.FromResult(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Invitation)).FirstOrDefault()), "second invitation");

        Assert.Single(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Invitation)));
        Assert.Single(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Invitation)));
        Assert.True(_host.Mail.Requests >= 6);
    }

    /// <summary>An outage longer than any fixed retry budget delays the strategy and shows in its status; it never ends it.</summary>
    [Fact]
    public async Task Delivery_SendGridDownLongerThanARetryBudget_StrategyWaitsShowsDelayAndDeliversOnce()
    {
        const int FailedRequests = 60; // each activity attempt makes 3 requests: 20 failed attempts, far past 8
        _host.Mail.Fail(Enumerable.Repeat(HttpStatusCode.TooManyRequests, FailedRequests).ToArray());
        var definition = Samples.Definition("outage") with
        {
            Delivery = new DeliveryPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)),
        };
        await _host.StartAsync(definition);

        var delayed = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is { FailedAttempts: >= 2 });
        Assert.Equal("invitations", delayed.Delivery!.What);
        Assert.Contains("429", delayed.Delivery.LastError, StringComparison.Ordinal);
        Assert.True(delayed.Delivery.NextAttempt > delayed.Delivery.Since);

        var recovered = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is null);
        Assert.True(_host.Mail.Requests > FailedRequests);
        Assert.Single(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Invitation)));
        Assert.Single(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Invitation)));
        Assert.Single(_host.MailsTo(Samples.Owner, nameof(MailKind.DeliveryDelayed)));
        Assert.Equal([Samples.Stakeholder(1), Samples.Stakeholder(2)], recovered.Pending);

        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
    }

    /// <summary>Cancelling while a delivery keeps failing ends the strategy cleanly: the retry wait listens for it.</summary>
    [Fact]
    public async Task Delivery_CancelledDuringAnOutage_EndsCancelled()
    {
        _host.Mail.Fail(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 12).ToArray());
        var definition = Samples.Definition("outage-cancel") with
        {
            Delivery = new DeliveryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromHours(1)),
        };
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is { FailedAttempts: >= 1 });

        await _host.Client.RaiseEventAsync(definition.Id, WorkflowEvents.CancelRequested, new CancelRequested("Katko", DateTimeOffset.UtcNow));

        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        Assert.Equal(DocumentOutcome.Cancelled, outcome.Outcome);
        Assert.Empty(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Invitation)));
    }

    [Fact]
    public async Task SendMail_PermanentRejection_SkipsThatRecipientAndGoesOn()
    {
        _host.Mail.Fail(HttpStatusCode.BadRequest);
        var definition = Samples.Definition("mail-rejected");
        await _host.StartAsync(definition);

        await WorkflowHost.WaitForAsync(
            () => Task.FromResult(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Invitation)).FirstOrDefault()), "second invitation");

        Assert.Empty(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Invitation)));
        var sent = _host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Invitation)).Single();
        Assert.Equal("mail-rejected", sent.CustomArgs["strategy"]);
        Assert.Equal("goals", sent.CustomArgs["stage"]);
        Assert.Contains("strategyflow", sent.Categories);
    }

    [Fact]
    public async Task Status_StaysFarBelowCustomStatusLimit()
    {
        var definition = Samples.Definition("status-size", stakeholders: 100);
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        var strategy = await _host.Client.GetInstanceAsync(definition.Id, getInputsAndOutputs: true);
        Assert.InRange(strategy!.SerializedCustomStatus!.Length, 100, 8 * 1024);
        var status = JsonSerializer.Deserialize<StrategyProgress>(strategy.SerializedCustomStatus, CoreJson.Options)!;
        Assert.Equal(100, status.Current!.Pending.Count);
    }
}
