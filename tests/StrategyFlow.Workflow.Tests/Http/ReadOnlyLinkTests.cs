using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Pages;
using StrategyFlow.Workflow.Status;
using StrategyFlow.Workflow.Strategies;
using StrategyFlow.Workflow.Tests.Fakes;
using StrategyFlow.Workflow.Tests.Pages;
using Samples = StrategyFlow.Workflow.Tests.Fakes.Samples;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>The reader link from the outcome mail, the owner's progress link, and the ops timeline, with links from the mail really sent.</summary>
public sealed class ReadOnlyLinkTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    private DurableTaskClient Client => _host.Client;

    private FormServices Services => _host.Services.GetRequiredService<FormServices>();

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<StrategyDefinition> CompletedAsync(string id)
    {
        var definition = Samples.Definition(id);
        await _host.StartAsync(definition);
        foreach (var stage in StageKeys.InOrder)
        {
            await _host.PassStageAsync(definition, stage);
        }

        await _host.WaitForOutcomeAsync(definition.Id);
        return definition;
    }

    /// <summary>A strategy whose stage 1 was approved, collecting stage 2's answers.</summary>
    private async Task<StrategyDefinition> InStageTwoAsync(string id)
    {
        var definition = Samples.Definition(id);
        await _host.StartAsync(definition);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        return definition;
    }

    private Task<SentMail> MailAsync(string strategyId, string email, MailKind kind) =>
        WorkflowHost.WaitForAsync(
            () => Task.FromResult(_host.MailsTo(email, kind.ToString()).LastOrDefault(m => m.CustomArgs["strategy"] == strategyId)),
            $"{kind} mail to {email}");

    private async Task<HtmlResult> GetAsync(string token) =>
        Assert.IsType<HtmlResult>(await FormApi.GetAsync(token, Client, Services, CancellationToken.None));

    [Fact]
    public async Task Get_ReaderLinkFromTheOutcomeMail_ShowsEveryApprovedStageAndLinksTheThreeDocuments()
    {
        var definition = await CompletedAsync("read-complete");
        var mail = await MailAsync(definition.Id, Samples.Stakeholder(2), MailKind.Completed);

        var page = await GetAsync(mail.Token!);

        Assert.Equal(200, page.StatusCode);
        var document = HtmlForm.Parse(page.Html);
        Assert.Contains(definition.Header.Title, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        foreach (var stage in StageKeys.InOrder)
        {
            Assert.NotNull(document.QuerySelector($"#stage-{stage.Number()} .responses"));
        }

        Assert.Contains(Samples.Answer(StageKey.Activities).Activities[0].Title, HtmlForm.ById(document, "stage-3").TextContent, StringComparison.Ordinal);
        var downloads = document.QuerySelectorAll("#downloads a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"./{mail.Token}/document?format=html", $"./{mail.Token}/document?format=md", $"./{mail.Token}/document?format=json"], downloads);
        Assert.Empty(document.Forms);
    }

    [Theory]
    [InlineData("html", "text/html; charset=utf-8", null)]
    [InlineData("md", "text/markdown; charset=utf-8", "attachment")]
    [InlineData("json", "application/json; charset=utf-8", "attachment")]
    public async Task Document_ReaderLink_DownloadsTheArchivedFormat(string format, string contentType, string? disposition)
    {
        var definition = await CompletedAsync("read-" + format);
        var token = (await MailAsync(definition.Id, Samples.Approver(1), MailKind.Completed)).Token!;
        var request = Requests.Get("?format=" + format);

        var result = Assert.IsType<ContentHttpResult>(await FormApi.DocumentAsync(token, request, Client, Services, CancellationToken.None));

        var headers = request.HttpContext.Response.Headers;
        Assert.Equal(contentType, result.ContentType);
        Assert.Equal("no-store", headers.CacheControl.ToString());
        if (disposition is null)
        {
            Assert.Contains("default-src 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith(disposition, headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains(Samples.Answer(StageKey.Goals).Goals[0].Title, result.ResponseContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReaderLinkOfACancelledStrategy_ShowsTheReasonAndNoApprovedStage()
    {
        var definition = Samples.Definition("read-cancelled");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await StrategyApi.CancelAsync(definition.Id, Requests.Json("{\"reason\":\"Budjetti <jäädytetty>\"}"), Client, TimeProvider.System, CancellationToken.None);
        await _host.WaitForOutcomeAsync(definition.Id);

        var page = await GetAsync((await MailAsync(definition.Id, Samples.Stakeholder(1), MailKind.Cancelled)).Token!);

        var outcome = HtmlForm.ById(HtmlForm.Parse(page.Html), "outcome");
        Assert.Contains("keskeytettiin", outcome.TextContent, StringComparison.Ordinal);
        Assert.Equal("Budjetti <jäädytetty>", outcome.QuerySelector(".quote")!.TextContent);
        Assert.DoesNotContain("<jäädytetty>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReaderLinkAfterOpsRevokedReaderAccess_SaysSoInTheStrategysLanguageAndShowsNothing()
    {
        var definition = Samples.Definition("read-revoked");
        await _host.StartAsync(definition);
        await _host.PassStageAsync(definition, StageKey.Goals);
        var token = (await MailAsync(definition.Id, Samples.Owner, MailKind.StageApproved)).Token!;
        Assert.Equal(200, (await GetAsync(token)).StatusCode);

        var revoked = await StrategyApi.RevokeReaderAccessAsync(definition.Id, Client, _host.Repository, TimeProvider.System, CancellationToken.None);

        Assert.IsType<Ok<StrategyApi.ReaderAccessChange>>(revoked.Result);
        var page = await GetAsync(token);
        Assert.Equal(403, page.StatusCode);
        Assert.Contains(PageText.Notice(NoticeKind.ReaderAccessRevoked).Title.Fi, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.Answer(StageKey.Goals).Goals[0].Title, page.Html, StringComparison.Ordinal);
        var progress = await GetAsync((await MailAsync(definition.Id, Samples.Owner, MailKind.Started)).Token!);
        Assert.Equal(200, progress.StatusCode); // the owner's own progress link is not a reader link
    }

    [Fact]
    public async Task Get_ReaderLinkForSomeoneWhoIsNotAParticipant_IsTheGenericInvalidLinkPage()
    {
        var definition = await CompletedAsync("read-stranger");
        var stranger = Services.Tokens.Create(new LinkClaims(definition.Id, definition.Header.Run!, StageKey.Goals, 0, "stranger@acme.example", LinkRole.Reader, DateTimeOffset.UtcNow.AddDays(1)));

        var page = await GetAsync(stranger);

        Assert.Equal(403, page.StatusCode);
        Assert.Equal((await GetAsync("garbage")).Html, page.Html);
    }

    [Fact]
    public async Task Post_FreshLinkForAnExpiredReaderLink_MailsANewReaderLinkToItsOwnerOnly()
    {
        var definition = await CompletedAsync("read-expired");
        var expired = Services.Tokens.Create(new LinkClaims(
            definition.Id, definition.Header.Run!, StageKey.Goals, 0, Samples.Stakeholder(1), LinkRole.Reader, DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Equal(403, (await GetAsync(expired)).StatusCode);

        var sent = Assert.IsType<HtmlResult>(await FormApi.PostAsync(expired, Requests.Form([KeyValuePair.Create("action", FormPages.FreshLinkAction)]), Client, Services, CancellationToken.None));

        Assert.Equal(200, sent.StatusCode);
        var mail = await MailAsync(definition.Id, Samples.Stakeholder(1), MailKind.FreshLink);
        Assert.Equal(200, (await GetAsync(mail.Token!)).StatusCode);
        Assert.Equal(LinkRole.Reader, Services.Tokens.Verify(mail.Token).Claims!.Role);
    }

    [Fact]
    public async Task Get_OwnerLinkWhileStakeholdersAnswer_ShowsTheStagesWhoAnsweredWhoIsPendingAndWhatHappened()
    {
        var definition = await InStageTwoAsync("progress");
        await _host.AnswerAsync(definition.Id, StageKey.Audiences, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Audiences));
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput, s => s.Answered.Count == 1);

        var page = await GetAsync((await MailAsync(definition.Id, Samples.Owner, MailKind.StageApproved)).ProgressToken!);

        Assert.Equal(200, page.StatusCode);
        var document = HtmlForm.Parse(page.Html);
        Assert.Equal(["done", "current", "waiting", "waiting"], document.QuerySelectorAll(".timeline .step").Select(s => s.ClassList.Last()));
        var readStage = document.QuerySelector(".timeline .done a")!.GetAttribute("href")!;
        Assert.EndsWith("#stage-1", readStage, StringComparison.Ordinal);
        Assert.Equal(200, (await GetAsync(readStage[2..readStage.IndexOf('#', StringComparison.Ordinal)])).StatusCode);
        var round = HtmlForm.ById(document, "current-round");
        Assert.Contains("Sidosryhmä 1", round.QuerySelectorAll("ul")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Sidosryhmä 2", round.QuerySelectorAll("ul")[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(round.QuerySelector("time[datetime]"));
        Assert.Contains("Hyväksyjä 1", HtmlForm.ById(document, "decisions").TextContent, StringComparison.Ordinal);
        var events = HtmlForm.ById(document, "events").TextContent;
        Assert.Contains("Kutsu lähetettiin: Sidosryhmä 2.", events, StringComparison.Ordinal);
        Assert.Contains("Sidosryhmä 1 vastasi.", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_OfAStrategyInItsSecondStage_StartsWhenTheStrategyStartedAndListsInvitationsAnswersDecisionsAndTheArchivedStageInOrder()
    {
        var definition = await InStageTwoAsync("timeline");
        await MailAsync(definition.Id, Samples.Stakeholder(2), MailKind.Invitation);

        var result = await StrategyApi.TimelineAsync(definition.Id, Client, _host.Repository, CancellationToken.None);

        var timeline = Assert.IsType<Ok<StrategyApi.Timeline>>(result.Result).Value!;
        var events = timeline.Events;
        Assert.Equal(TimelineEvents.Started, events[0].Event);
        Assert.Equal(definition.Header.CreatedAt, events[0].At);
        var status = Assert.IsType<Ok<StrategyStatusView>>((await StrategyApi.GetAsync(definition.Id, Client, CancellationToken.None)).Result).Value!;
        Assert.Equal(definition.Header.CreatedAt, status.CreatedAt);
        Assert.Equal(events.Select(e => e.At.ToUnixTimeSeconds()).Order(), events.Select(e => e.At.ToUnixTimeSeconds()));
        Assert.Contains(events, e => e is { Event: TimelineEvents.MailSent, Mail: "Invitation", Stage: 1, Round: 1 } && e.Person == Samples.Stakeholder(1));
        Assert.Contains(events, e => e is { Event: TimelineEvents.MailSent, Mail: "Started" } && e.Person == Samples.Owner);
        Assert.Equal(2, events.Count(e => e is { Event: TimelineEvents.AnswerSubmitted, Stage: 1 }));
        Assert.Contains(events, e => e is { Event: TimelineEvents.ReviewPrepared, Stage: 1, Round: 1 });
        Assert.Contains(events, e => e is { Event: TimelineEvents.Decision, Stage: 1, Decision: "Approved" } && e.Person == Samples.Approver(1));
        Assert.Contains(events, e => e is { Event: TimelineEvents.StageArchived, Stage: 1 });
        Assert.Contains(events, e => e is { Event: TimelineEvents.MailSent, Mail: "Invitation", Stage: 2 });
        var json = JsonSerializer.Serialize(timeline, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.DoesNotContain("\"comment\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderAndProgressPages_HostileTextInTheStrategyAndItsPeople_StaysText()
    {
        const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> ' onmouseover='x";
        var request = Samples.Request("read-hostile") with { Organization = "Org " + Hostile, Title = "Title " + Hostile };
        request = request with { Stakeholders = [.. request.Stakeholders!.Select(p => p! with { Name = p.Name + Hostile })] };
        var validation = StartStrategyValidator.Validate(request, request.Id!, DateTimeOffset.UtcNow);
        Assert.True(validation.IsValid);
        var definition = validation.Definition!.AsNewRun();
        await _host.StartAsync(definition);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await StrategyApi.CancelAsync(definition.Id, Requests.Json("{\"reason\":\"Reason " + Hostile.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}"), Client, TimeProvider.System, CancellationToken.None);
        await _host.WaitForOutcomeAsync(definition.Id);
        var mail = await MailAsync(definition.Id, Samples.Owner, MailKind.Cancelled);

        foreach (var token in new[] { mail.Token!, mail.ProgressToken! })
        {
            var page = await GetAsync(token);
            Assert.Equal(200, page.StatusCode);
            MarkupSafety.AssertOnlyOwnMarkup(
                HtmlForm.Parse(page.Html), page.Html, MarkupSafety.PageTags, MarkupSafety.PageAttributes,
                href => href.StartsWith("./", StringComparison.Ordinal));
            Assert.Contains("Title &lt;script&gt;", page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Timeline_UnknownStrategy_Is404()
    {
        var result = await StrategyApi.TimelineAsync("no-such-strategy", Client, _host.Repository, CancellationToken.None);

        Assert.Equal(404, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }
}
