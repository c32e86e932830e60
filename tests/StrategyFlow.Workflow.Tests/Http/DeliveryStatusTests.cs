using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Status;
using StrategyFlow.Workflow.Strategies;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>What ops see and can do while mail keeps failing: the delay in the status and the list, and a nudge.</summary>
public sealed class DeliveryStatusTests : IAsyncLifetime
{
    /// <summary>The next attempt is an hour away: only a nudge can bring it within a test's patience.</summary>
    private static readonly DeliveryPolicy HourlyRetries = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2));

    private WorkflowHost _host = null!;

    private DurableTaskClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<StrategyStatusView> StatusAsync(string id) =>
        Assert.IsType<Ok<StrategyStatusView>>((await StrategyApi.GetAsync(id, Client, CancellationToken.None)).Result).Value!;

    /// <summary>The invitations' first attempt fails (two 503s), and the next is an hour away.</summary>
    private async Task<StrategyDefinition> StartWithInvitationsFailingOnceAsync(string id)
    {
        _host.Mail.Fail(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);
        var definition = Samples.Definition(id) with { Delivery = HourlyRetries };
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is { FailedAttempts: 1 });
        return definition;
    }

    /// <summary>The invitations go out; a second later the reminder's first attempt fails (two 503s), and the next is an hour away.</summary>
    private async Task<(StrategyDefinition Definition, StageStatus Delayed)> StartWithTheReminderFailingOnceAsync(string id)
    {
        var definition = Samples.Definition(id, timing: new TimingRequest
        {
            ResponseWindow = "PT10M", ReminderInterval = "PT1S", MaxReminders = 1, ApprovalWindow = "PT10M",
        }) with { Delivery = HourlyRetries };
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is null);
        _host.Mail.Fail(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);
        var delayed = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is { What: "reminders", FailedAttempts: 1 });
        return (definition, delayed);
    }

    [Fact]
    public async Task Status_InvitationsFailing_ShowsWhatSinceLastErrorAndNextAttemptInStatusAndList()
    {
        var definition = await StartWithInvitationsFailingOnceAsync("delayed-invitations");

        var status = await StatusAsync(definition.Id);

        var delivery = Assert.IsType<DeliveryStatus>(status.Delivery);
        Assert.Equal("invitations", delivery.What);
        Assert.Equal(1, delivery.FailedAttempts);
        Assert.Contains("503", delivery.LastError, StringComparison.Ordinal);
        Assert.InRange(delivery.NextAttempt!.Value - delivery.Since, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        var page = Assert.IsType<Ok<StrategyApi.StrategyPage>>((await StrategyApi.ListAsync(Requests.Get("?status=Running"), Client, _host.Services.GetRequiredService<ContinuationTokens>(), CancellationToken.None)).Result).Value!;
        Assert.Equal(delivery, page.Items.Single(i => i.Id == definition.Id).Delivery);
    }

    [Fact]
    public async Task Remind_WhileInvitationsWaitForTheirNextAttempt_RetriesNowAndDeliversOnce()
    {
        var definition = await StartWithInvitationsFailingOnceAsync("nudged-invitations");

        var result = await StrategyApi.RemindAsync(definition.Id, Client, TimeProvider.System, CancellationToken.None);

        Assert.IsType<Accepted<StrategyApi.Accepted>>(result.Result);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is null);
        Assert.Null((await StatusAsync(definition.Id)).Delivery);
        Assert.Single(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Invitation)));
        Assert.Single(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Invitation)));
    }

    [Fact]
    public async Task Remind_WhileTheArchiveWaitsForItsNextAttempt_RetriesNowAndEnds()
    {
        var definition = Samples.Definition("nudged-archive") with { Delivery = HourlyRetries };
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is null);
        _host.Mail.Fail(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable); // the cancellation mail, inside the archive step
        await Client.RaiseEventAsync(definition.Id, WorkflowEvents.CancelRequested, new CancelRequested("Budjetti jäädytetty.", DateTimeOffset.UtcNow));
        var archiving = await WorkflowHost.WaitForAsync(
            async () => await StatusAsync(definition.Id) is { Stage.Phase: StagePhase.Archiving, Delivery.FailedAttempts: 1 } s ? s : null, "a delayed archive");
        Assert.Equal("archive", archiving.Delivery!.What);

        var result = await StrategyApi.RemindAsync(definition.Id, Client, TimeProvider.System, CancellationToken.None);

        Assert.IsType<Accepted<StrategyApi.Accepted>>(result.Result);
        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        Assert.Equal(DocumentOutcome.Cancelled, outcome.Outcome);
        Assert.Single(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Cancelled)));
    }

    [Fact]
    public async Task Status_RecipientAddressRefused_IsListedAndTheOwnerIsTold()
    {
        _host.Mail.Fail(HttpStatusCode.BadRequest); // the first invitation's address is refused
        var definition = Samples.Definition("refused-address");
        await _host.StartAsync(definition);

        var stage = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Undeliverable.Count == 1);

        Assert.Equal([Samples.Stakeholder(1)], (await StatusAsync(definition.Id)).Undeliverable);
        Assert.Equal([Samples.Stakeholder(1)], stage.Undeliverable);
        var notice = await WorkflowHost.WaitForAsync(
            () => Task.FromResult(_host.MailsTo(Samples.Owner, nameof(MailKind.Undeliverable)).SingleOrDefault()), "the owner's notice");
        Assert.Contains(Samples.Stakeholder(1), notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DeliveryConfigured_TheRunKeepsThePolicyItStartedWith()
    {
        var configured = new DeliveryOptions { FirstRetry = TimeSpan.FromSeconds(7), MaxInterval = TimeSpan.FromMinutes(2), TellOwnerAfter = TimeSpan.FromHours(1) };
        var body = System.Text.Json.JsonSerializer.Serialize(Samples.Request("configured-delivery"), Core.Serialization.CoreJson.Options);

        await StrategyApi.StartAsync(Requests.Json(body), Client, _host.Repository, TimeProvider.System, Options.Create(new StrategyFlowOptions { Delivery = configured }), CancellationToken.None);

        var instance = await Client.GetInstanceAsync("configured-delivery", getInputsAndOutputs: true);
        Assert.Equal(configured.Policy, instance!.ReadInputAs<StrategyRun>()!.Definition.Delivery);
    }

    /// <summary>The status never claims mail that did not go out: a reminder counts once it was sent.</summary>
    [Fact]
    public async Task Status_ReminderFailing_IsNotCountedAsSentUntilItIs()
    {
        var (definition, delayed) = await StartWithTheReminderFailingOnceAsync("unsent-reminder");

        Assert.Equal(0, delayed.RemindersSent);
        Assert.Equal(0, (await StatusAsync(definition.Id)).Stage!.RemindersSent);
        await StrategyApi.RemindAsync(definition.Id, Client, TimeProvider.System, CancellationToken.None); // retry now
        var sent = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is null);
        Assert.Equal(1, sent.RemindersSent);
        Assert.Single(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Reminder)));
    }

    /// <summary>Mail that keeps failing never holds up the round: answers count while the reminders wait for their retry.</summary>
    [Fact]
    public async Task Answers_WhileRemindersKeepFailing_CountAtOnceAndCloseTheRound()
    {
        var (definition, _) = await StartWithTheReminderFailingOnceAsync("answers-during-outage");

        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        var counted = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Answered.Count == 1);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(2), Samples.Answer(StageKey.Goals));

        Assert.Equal("reminders", counted.Delivery!.What);
        var review = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.DraftSha256 is not null);
        Assert.Null(review.Delivery); // the closed round's reminders are dropped, not sent late
        Assert.Empty(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Reminder)));
    }

    /// <summary>A decision counts while an escalation to the owner keeps failing.</summary>
    [Fact]
    public async Task Decision_WhileTheEscalationKeepsFailing_ApprovesTheStage()
    {
        var definition = Samples.Definition("decision-during-outage", stakeholders: 1, timing: new TimingRequest
        {
            ResponseWindow = "PT10M", ReminderInterval = "P1D", MaxReminders = 0, ApprovalWindow = "PT1S",
        }) with { Delivery = HourlyRetries };
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Delivery is null);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        await WorkflowHost.WaitForAsync(() => Task.FromResult(_host.MailsTo(Samples.Approver(1), nameof(MailKind.ReviewRequest)).FirstOrDefault()), "review request");
        _host.Mail.Fail(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable); // the escalation, a second later
        var escalating = await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.AwaitingApproval, s => s.Delivery is { What: "escalation", FailedAttempts: 1 });
        Assert.False(escalating.Escalated);

        await _host.DecideAsync(definition.Id, StageKey.Goals, 1, Samples.Approver(1), DecisionKind.Approved);

        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        Assert.Empty(_host.MailsTo(Samples.Owner, nameof(MailKind.Escalation)));
    }
}
