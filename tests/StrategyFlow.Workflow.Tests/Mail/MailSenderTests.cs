using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StrategyFlow.Core.Answers;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Mail;

/// <summary>The sender every mailing activity shares: exactly-once per message key, cheap on storage.</summary>
public sealed class MailSenderTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private MailSender Sender => _host.Services.GetRequiredService<MailSender>();

    private static MailBatch Invitations(params int[] stakeholders)
    {
        var header = Samples.Definition("mail-ledger").Header;
        return new MailBatch(header, stakeholders.Select(i => new MailOrder(
            $"{header.Id}/1/1/{MailKind.Invitation}/0/{Samples.Stakeholder(i)}",
            new Person($"Sidos {i}", Samples.Stakeholder(i)),
            MailKind.Invitation)
        {
            Stage = StageKey.Goals, Round = 1, Role = LinkRole.Stakeholder, Deadline = DateTimeOffset.UnixEpoch.AddDays(20_000),
        }).ToList());
    }

    [Fact]
    public async Task MailSender_SameBatchTwice_SendsEachMailOnce()
    {
        var first = await Sender.SendAsync(Invitations(1, 2, 3));
        var again = await Sender.SendAsync(Invitations(1, 2, 3));

        Assert.Equal((3, 0), (first.Sent, first.AlreadySent));
        Assert.Equal((0, 3), (again.Sent, again.AlreadySent));
        Assert.Equal(3, _host.Mail.Sent.Count);
        Assert.Equal(3, _host.Mail.Sent.Select(m => m.To).Distinct().Count());
    }

    [Fact]
    public async Task MailSender_BatchOfThree_ReadsTheLedgerWithOneListing()
    {
        var lists = _host.Blobs.Lists;

        await Sender.SendAsync(Invitations(1, 2, 3));

        Assert.Equal(1, _host.Blobs.Lists - lists);
        Assert.Equal(0, _host.Blobs.ExistenceChecks);
    }

    [Fact]
    public async Task MailSender_BatchPartlySentBefore_SendsOnlyTheRest()
    {
        await Sender.SendAsync(Invitations(2));

        var result = await Sender.SendAsync(Invitations(1, 2, 3));

        Assert.Equal((2, 1), (result.Sent, result.AlreadySent));
        Assert.Single(_host.Mail.Sent, m => m.To == Samples.Stakeholder(2));
        Assert.Equal(3, _host.Mail.Sent.Count);
    }

    [Fact]
    public async Task MailSender_InvalidRecipientAddress_RejectsThatRecipientOnly()
    {
        _host.Mail.Fail(HttpStatusCode.BadRequest);

        var result = await Sender.SendAsync(Invitations(1, 2));

        Assert.Equal([Samples.Stakeholder(1)], result.Rejected);
        Assert.Equal(1, result.Sent);
    }

    /// <summary>A revoked or wrong key is an outage to retry and show, never a silently skipped recipient.</summary>
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task MailSender_KeyRefused_ThrowsSoTheWorkflowRetriesAndNothingIsSkipped(HttpStatusCode status)
    {
        _host.Mail.Fail(status);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Sender.SendAsync(Invitations(1, 2)));

        Assert.Contains("API key", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Mail.Sent);
        var retried = await Sender.SendAsync(Invitations(1, 2));
        Assert.Equal((2, 0), (retried.Sent, retried.Rejected.Count));
    }

    [Fact]
    public async Task MailSender_BadRequestNotAboutTheRecipient_ThrowsInsteadOfRejectingThem()
    {
        _host.Mail.FailWith(HttpStatusCode.BadRequest, """{"errors":[{"message":"The content value must be a string.","field":"content.0.value"}]}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender.SendAsync(Invitations(1)));

        Assert.Empty(_host.Mail.Sent);
    }

    [Fact]
    public async Task MailSender_AnyMail_AsksSendGridForNoClickOrOpenTracking()
    {
        await Sender.SendAsync(Invitations(1));

        using var request = JsonDocument.Parse(Assert.Single(_host.Mail.Sent).RequestJson);
        var tracking = request.RootElement.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable_text").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task MailSender_DeadlineBeyondTheLinkLifetime_LinkLastsUntilTheDeadlinePlusGrace()
    {
        var deadline = DateTimeOffset.UtcNow.AddDays(60);
        var invitation = Invitations(1);

        await Sender.SendAsync(invitation with { Orders = [invitation.Orders[0] with { Deadline = deadline }] });

        var grace = _host.Services.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Links.GracePeriod;
        var link = _host.Services.GetRequiredService<LinkTokens>().Verify(Assert.Single(_host.Mail.Sent).Token);
        Assert.Equal(LinkTokenStatus.Valid, link.Status);
        Assert.True(grace > TimeSpan.Zero);
        Assert.True(link.Claims!.ExpiresAt >= deadline + grace, $"The link expires at {link.Claims.ExpiresAt:O}, the round at {deadline:O}.");
    }
}
