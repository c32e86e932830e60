using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyFlow.Core.Documents;
using StrategyFlow.Core.Framework;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Configuration;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Status;
using StrategyFlow.Workflow.Storage;
using StrategyFlow.Workflow.Strategies;
using StrategyFlow.Workflow.Tests.Fakes;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>The ops handlers, called as the hosts call them, against real orchestrations.</summary>
public sealed class StrategyApiTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    private DurableTaskClient Client => _host.Client;

    private IOptions<StrategyFlowOptions> Options => _host.Services.GetRequiredService<IOptions<StrategyFlowOptions>>();

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Body(StartStrategyRequest request) => JsonSerializer.Serialize(request, CoreJson.Options);

    private Task<Results<Accepted<StrategyApi.StrategyStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(string body) =>
        StrategyApi.StartAsync(Requests.Json(body), Client, _host.Repository, TimeProvider.System, Options, CancellationToken.None);

    [Fact]
    public async Task Start_EmptyObject_ListsEveryMissingField()
    {
        var result = await StartAsync("{}");

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(
            ["approvers", "businessGoals", "language", "organization", "owner", "stakeholders", "title"],
            problem.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_BadValues_NamesEachFieldPath()
    {
        var request = Samples.Request("Bad Id!") with
        {
            Language = "sv",
            Owner = new PersonRequest("", "not-an-email"),
            Stakeholders = [new PersonRequest("A", "a@acme.example"), new PersonRequest("B", "A@acme.example")],
            Stages = new Dictionary<string, StageRequest?>
            {
                ["ownership"] = new() { Policy = "most" },
                ["strategy"] = new(),
            },
            Timing = new TimingRequest { ResponseWindow = "five days", MaxReminders = 11 },
        };

        var problem = Assert.IsType<ValidationProblem>((await StartAsync(Body(request))).Result);

        Assert.Equal(
            [
                "id", "language", "owner.email", "owner.name", "stages.ownership.policy", "stages.strategy",
                "stakeholders[1].email", "timing.maxReminders", "timing.responseWindow",
            ],
            problem.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{", "The body is not valid JSON (line 1, position 2).")]
    [InlineData("[]", "The body must be a JSON object.")]
    public async Task Start_MalformedBody_IsProblemNot500(string body, string detail)
    {
        var problem = Assert.IsType<ProblemHttpResult>((await StartAsync(body)).Result);

        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(detail, problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("{\"organisation\":\"typo\"}", "organisation")]
    [InlineData("{\"timing\":{\"maxReminders\":\"x\"}}", "timing.maxReminders")]
    public async Task Start_BodyThatDoesNotFitTheRequest_NamesTheField(string body, string field)
    {
        var problem = Assert.IsType<ProblemHttpResult>((await StartAsync(body)).Result);

        Assert.Equal(400, problem.StatusCode);
        Assert.Equal([field], Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors.Keys);
    }

    [Fact]
    public async Task Start_OversizedBody_Is413()
    {
        var request = Requests.Json(new string(' ', StrategyApi.MaxStartBytes + 1));

        var result = await StrategyApi.StartAsync(request, Client, _host.Repository, TimeProvider.System, Options, CancellationToken.None);

        Assert.Equal(413, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }

    [Fact]
    public async Task Start_ValidRequest_StartsOnceAndAnswersWithLinks()
    {
        var body = Body(Samples.Request("acme-2027"));

        var accepted = Assert.IsType<Accepted<StrategyApi.StrategyStarted>>((await StartAsync(body)).Result);
        var again = Assert.IsType<ProblemHttpResult>((await StartAsync(body)).Result);

        Assert.Equal("/api/strategies/acme-2027", accepted.Location);
        Assert.Equal("acme-2027", accepted.Value!.Id);
        Assert.Equal(409, again.StatusCode);
        Assert.Equal("/api/strategies/acme-2027", again.ProblemDetails.Extensions["statusUri"]);
        await _host.WaitForStageAsync("acme-2027", StageKey.Goals, 1, StagePhase.CollectingInput);
    }

    [Fact]
    public async Task Start_EightSimultaneousStartsOfOneNewId_AcceptsExactlyOne()
    {
        var body = Body(Samples.Request("raced-2027"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => StartAsync(body))));

        Assert.Single(results, r => r.Result is Accepted<StrategyApi.StrategyStarted>);
        Assert.Equal(7, results.Count(r => r.Result is ProblemHttpResult { StatusCode: 409 }));
    }

    [Fact]
    public async Task Start_ClaimOfAStartThatDiedBeforeStarting_HoldsTheIdOnlyForTheClaimsLifetime()
    {
        var claimedAt = DateTimeOffset.UtcNow;
        await _host.Repository.TryClaimStartAsync("stranded", new StartClaim(0, "died-before-starting", claimedAt));
        var body = Body(Samples.Request("stranded"));

        var during = await StrategyApi.StartAsync(
            Requests.Json(body), Client, _host.Repository, new FakeTimeProvider(claimedAt + StrategyApi.StartClaimLifetime - TimeSpan.FromSeconds(1)), Options, CancellationToken.None);
        var after = await StrategyApi.StartAsync(
            Requests.Json(body), Client, _host.Repository, new FakeTimeProvider(claimedAt + StrategyApi.StartClaimLifetime), Options, CancellationToken.None);

        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(during.Result).StatusCode);
        Assert.IsType<Accepted<StrategyApi.StrategyStarted>>(after.Result);
        await _host.WaitForStageAsync("stranded", StageKey.Goals, 1, StagePhase.CollectingInput);
    }

    [Fact]
    public async Task Start_BackendRefusesTheStart_FreesTheIdForTheNextStartAtOnce()
    {
        var body = Body(Samples.Request("refused-once"));
        await using var refusing = new InterceptingClient(Client) { RefuseStarts = true };

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StrategyApi.StartAsync(Requests.Json(body), refusing, _host.Repository, TimeProvider.System, Options, CancellationToken.None));
        var retry = await StartAsync(body);

        Assert.IsType<Accepted<StrategyApi.StrategyStarted>>(retry.Result);
    }

    [Fact]
    public async Task Start_WithoutId_GeneratesOne()
    {
        var accepted = Assert.IsType<Accepted<StrategyApi.StrategyStarted>>((await StartAsync(Body(Samples.Request(null!))))
            .Result);

        Assert.Matches("^[0-9a-f]{32}$", accepted.Value!.Id);
    }

    [Fact]
    public async Task Get_RunningStrategy_ShowsStageRoundPhaseAndWhoIsPending()
    {
        var definition = Samples.Definition("status-view");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Answered.Count == 1);

        var status = Assert.IsType<Ok<StrategyStatusView>>((await StrategyApi.GetAsync(definition.Id, Client, CancellationToken.None)).Result).Value!;

        Assert.Equal(StrategyStatuses.Running, status.Status);
        Assert.Equal("Sosiaalisen median strategia 2027", status.Title);
        Assert.Equal(1, status.Stage!.Number);
        Assert.Equal("goals", status.Stage.Key);
        Assert.Equal(StagePhase.CollectingInput, status.Stage.Phase);
        Assert.Equal([Samples.Stakeholder(1)], status.Stage.Answered);
        Assert.Equal([Samples.Stakeholder(2)], status.Stage.Pending);
        Assert.NotNull(status.Stage.Deadline);
        Assert.Null(status.Document);
    }

    [Fact]
    public async Task Get_UnknownOrStageInstance_Is404()
    {
        var definition = Samples.Definition("only-parents");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        foreach (var id in new[] { "nope", $"{definition.Id}:1" })
        {
            var result = await StrategyApi.GetAsync(id, Client, CancellationToken.None);
            Assert.Equal(404, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        }
    }

    [Fact]
    public async Task List_FiltersByStatusAndLeavesOutStageInstances()
    {
        var running = Samples.Definition("list-running");
        var cancelled = Samples.Definition("list-cancelled");
        await _host.StartAsync(running);
        await _host.StartAsync(cancelled);
        await _host.WaitForStageAsync(cancelled.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await StrategyApi.CancelAsync(cancelled.Id, Requests.Json("{\"reason\":\"test\"}"), Client, TimeProvider.System, CancellationToken.None);
        await _host.WaitForOutcomeAsync(cancelled.Id);

        var all = await ListAsync("");
        var onlyCancelled = await ListAsync("?status=Cancelled");
        var bad = await ListResultAsync("?status=Done&pageSize=0&createdFrom=yesterday");

        Assert.Equal(["list-cancelled", "list-running"], all.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["list-cancelled"], onlyCancelled.Items.Select(i => i.Id));
        Assert.Equal(StrategyStatuses.Cancelled, onlyCancelled.Items[0].Status);
        Assert.Equal(["createdFrom", "pageSize", "status"], Assert.IsType<ValidationProblem>(bad.Result).ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_CreatedBounds_ApplyToWhenTheStrategyStartedNotToItsCurrentStage()
    {
        var definition = Samples.Definition("list-second-stage");
        await _host.StartAsync(definition);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        var started = definition.Header.CreatedAt;

        var untilItStarted = await ListAsync($"?createdTo={Uri.EscapeDataString(started.ToString("O", CultureInfo.InvariantCulture))}");
        var afterItStarted = await ListAsync($"?createdFrom={Uri.EscapeDataString(started.AddTicks(1).ToString("O", CultureInfo.InvariantCulture))}");

        Assert.Equal([definition.Id], untilItStarted.Items.Select(i => i.Id));
        Assert.Equal(started, untilItStarted.Items[0].CreatedAt);
        Assert.Empty(afterItStarted.Items);
    }

    private Task<Results<Ok<StrategyApi.StrategyPage>, ValidationProblem>> ListResultAsync(string query) =>
        StrategyApi.ListAsync(Requests.Get(query), Client, _host.Services.GetRequiredService<ContinuationTokens>(), CancellationToken.None);

    private async Task<StrategyApi.StrategyPage> ListAsync(string query) =>
        Assert.IsType<Ok<StrategyApi.StrategyPage>>((await ListResultAsync(query)).Result).Value!;

    [Fact]
    public async Task List_PageByPage_VisitsEveryStrategyOnce()
    {
        var ids = new[] { "paged-1", "paged-2", "paged-3" };
        foreach (var id in ids)
        {
            await _host.StartAsync(Samples.Definition(id));
            await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.CollectingInput);
        }

        var seen = new List<string>();
        var page = await ListAsync("?status=Running&pageSize=1");
        seen.AddRange(page.Items.Select(i => i.Id));
        while (page.ContinuationToken is { } token)
        {
            page = await ListAsync($"?status=Running&pageSize=1&continuationToken={Uri.EscapeDataString(token)}");
            seen.AddRange(page.Items.Select(i => i.Id));
        }

        Assert.Equal(ids, seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1")]
    [InlineData("%00")]
    public async Task List_ContinuationTokenThisApiNeverIssued_Is400(string token)
    {
        var result = await ListResultAsync($"?continuationToken={token}");

        Assert.Equal(["continuationToken"], Assert.IsType<ValidationProblem>(result.Result).ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task List_ContinuationTokenOfOtherFilters_Is400()
    {
        foreach (var id in new[] { "filters-1", "filters-2" })
        {
            await _host.StartAsync(Samples.Definition(id));
            await _host.WaitForStageAsync(id, StageKey.Goals, 1, StagePhase.CollectingInput);
        }

        var token = (await ListAsync("?status=Running&pageSize=1")).ContinuationToken!;
        var sameFilters = await ListResultAsync($"?status=Running&pageSize=5&continuationToken={Uri.EscapeDataString(token)}");
        var otherFilters = await ListResultAsync($"?status=Cancelled&pageSize=1&continuationToken={Uri.EscapeDataString(token)}");

        Assert.IsType<Ok<StrategyApi.StrategyPage>>(sameFilters.Result);
        Assert.Equal(["continuationToken"], Assert.IsType<ValidationProblem>(otherFilters.Result).ProblemDetails.Errors.Keys);
    }

    public static TheoryData<string> ImpossibleIds { get; } = ["", "a", "Bad Id!", "acme-2027:1", new string('a', 65), "a\u0000b"];

    [Theory]
    [MemberData(nameof(ImpossibleIds), DisableDiscoveryEnumeration = true)]
    public async Task Routes_IdNoStrategyCanHave_Answer404WithoutEchoingIt(string id)
    {
        var results = new[]
        {
            (await StrategyApi.GetAsync(id, Client, CancellationToken.None)).Result,
            (await StrategyApi.CancelAsync(id, Requests.Json(""), Client, TimeProvider.System, CancellationToken.None)).Result,
            (await StrategyApi.RemindAsync(id, Client, TimeProvider.System, CancellationToken.None)).Result,
            (await StrategyApi.DocumentAsync(id, Requests.Get(), _host.Repository, CancellationToken.None)).Result,
        };

        Assert.All(results, result =>
        {
            var problem = Assert.IsType<ProblemHttpResult>(result);
            Assert.Equal(404, problem.StatusCode);
            Assert.Equal("There is no strategy with this id: ids are 2-64 lower-case letters, digits and dashes.", problem.ProblemDetails.Detail);
        });
    }

    [Fact]
    public async Task Get_FailedStrategy_ReasonIsPlainWordsNotExceptionText()
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StrategyOrchestrator), input: null, new StartOrchestrationOptions("fails-at-once"));
        using var timeout = new CancellationTokenSource(WorkflowHost.Patience);
        await Client.WaitForInstanceCompletionAsync("fails-at-once", timeout.Token);

        var status = Assert.IsType<Ok<StrategyStatusView>>((await StrategyApi.GetAsync("fails-at-once", Client, CancellationToken.None)).Result).Value!;

        Assert.Equal(StrategyStatuses.Failed, status.Status);
        Assert.Equal(StrategyState.FailedReason, status.Reason);
    }

    [Fact]
    public async Task Cancel_WhileArchiving_IsConflict()
    {
        var definition = Samples.Definition("cancel-archiving") with
        {
            Delivery = new DeliveryPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromHours(1)),
        };
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        _host.Mail.Fail(Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 10_000).ToArray()); // the archive's announcement cannot go out
        await StrategyApi.CancelAsync(definition.Id, Requests.Json("{\"reason\":\"Ensimmäinen\"}"), Client, TimeProvider.System, CancellationToken.None);
        await WorkflowHost.WaitForAsync(
            async () => (await StrategyApi.GetAsync(definition.Id, Client, CancellationToken.None)).Result is Ok<StrategyStatusView> { Value.Stage.Phase: StagePhase.Archiving } ok ? ok : null,
            "the archive to be retried");

        var again = await StrategyApi.CancelAsync(definition.Id, Requests.Json("{\"reason\":\"Toinen\"}"), Client, TimeProvider.System, CancellationToken.None);

        // (A reminders request now retries the delayed archive: see DeliveryStatusTests.)
        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(again.Result).StatusCode);
    }

    [Fact]
    public async Task Cancel_RunningThenAgain_CancelsOnceThenConflicts()
    {
        var definition = Samples.Definition("cancel-api");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        var first = await StrategyApi.CancelAsync(definition.Id, Requests.Json("{\"reason\":\"Budjetti\"}"), Client, TimeProvider.System, CancellationToken.None);
        Assert.IsType<Accepted<StrategyApi.Accepted>>(first.Result);
        var outcome = await _host.WaitForOutcomeAsync(definition.Id);
        var second = await StrategyApi.CancelAsync(definition.Id, Requests.Json(""), Client, TimeProvider.System, CancellationToken.None);

        Assert.Equal(DocumentOutcome.Cancelled, outcome.Outcome);
        Assert.Equal("Budjetti", outcome.Reason);
        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(second.Result).StatusCode);
        var status = Assert.IsType<Ok<StrategyStatusView>>((await StrategyApi.GetAsync(definition.Id, Client, CancellationToken.None)).Result).Value!;
        Assert.Equal(StrategyStatuses.Cancelled, status.Status);
    }

    [Fact]
    public async Task Cancel_Force_TerminatesStrategyAndItsStage()
    {
        var definition = Samples.Definition("terminated");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);

        var result = await StrategyApi.CancelAsync(definition.Id, Requests.Json("", "?force=true"), Client, TimeProvider.System, CancellationToken.None);

        Assert.Equal("terminate", Assert.IsType<Accepted<StrategyApi.Accepted>>(result.Result).Value!.Action);
        using var timeout = new CancellationTokenSource(WorkflowHost.Patience);
        var strategy = await Client.WaitForInstanceCompletionAsync(definition.Id, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, strategy.RuntimeStatus);
    }

    [Fact]
    public async Task Cancel_ReasonTooLongOrUnknownStrategy_IsRejected()
    {
        var tooLong = await StrategyApi.CancelAsync("x1", Requests.Json($"{{\"reason\":\"{new string('a', 501)}\"}}"), Client, TimeProvider.System, CancellationToken.None);
        var unknown = await StrategyApi.CancelAsync("x1", Requests.Json(""), Client, TimeProvider.System, CancellationToken.None);

        Assert.IsType<ValidationProblem>(tooLong.Result);
        Assert.Equal(404, Assert.IsType<ProblemHttpResult>(unknown.Result).StatusCode);
    }

    [Theory]
    [InlineData("Budjetti\\u202Eloppui")]
    [InlineData("Budjetti\\nloppui")]
    [InlineData("Budjetti\\u0007")]
    public async Task Cancel_ReasonWithHiddenCharacters_IsAFieldError(string escapedReason)
    {
        var definition = Samples.Definition("cancel-hidden");
        await _host.StartAsync(definition);

        var result = await StrategyApi.CancelAsync(definition.Id, Requests.Json($"{{\"reason\":\"{escapedReason}\"}}"), Client, TimeProvider.System, CancellationToken.None);

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Equal([StartStrategyValidator.PlainTextRule], problem.ProblemDetails.Errors["reason"]);
    }

    [Fact]
    public async Task Remind_WhileCollecting_RemindsOnlyThosePending()
    {
        var definition = Samples.Definition("remind-now");
        await _host.StartAsync(definition);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput);
        await _host.AnswerAsync(definition.Id, StageKey.Goals, 1, Samples.Stakeholder(1), Samples.Answer(StageKey.Goals));
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.Answered.Count == 1);

        var result = await StrategyApi.RemindAsync(definition.Id, Client, TimeProvider.System, CancellationToken.None);

        Assert.IsType<Accepted<StrategyApi.Accepted>>(result.Result);
        await _host.WaitForStageAsync(definition.Id, StageKey.Goals, 1, StagePhase.CollectingInput, s => s.RemindersSent == 1);
        await WorkflowHost.WaitForAsync(() => Task.FromResult(_host.MailsTo(Samples.Stakeholder(2), nameof(MailKind.Reminder)).FirstOrDefault()), "reminder");
        Assert.Empty(_host.MailsTo(Samples.Stakeholder(1), nameof(MailKind.Reminder)));
    }

    /// <summary>Until a stage shows a round (a new generation's first moment) there is nobody to remind.</summary>
    [Fact]
    public async Task Remind_BeforeTheStageShowsARound_IsConflictAndRaisesNothing()
    {
        var definition = Samples.Definition("between-stages");
        await using var client = new InterceptingClient(Client)
        {
            Shown = new Dictionary<string, OrchestrationMetadata?>
            {
                [definition.Id] = new(nameof(StrategyOrchestrator), definition.Id)
                {
                    RuntimeStatus = OrchestrationRuntimeStatus.Running,
                    SerializedInput = JsonSerializer.Serialize(new StrategyRun(definition) { Stage = StageKey.Audiences }, CoreJson.Options),
                    SerializedCustomStatus = JsonSerializer.Serialize(new StrategyProgress(2, StagePhase.CollectingInput, []), CoreJson.Options),
                },
            },
        };

        var result = await StrategyApi.RemindAsync(definition.Id, client, TimeProvider.System, CancellationToken.None);

        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Empty(client.RaisedEvents);
    }

    [Fact]
    public async Task Document_AfterTheEnd_ServesEachFormatAndBeforeIt404()
    {
        var definition = Samples.Definition("document-api");
        await _host.StartAsync(definition);
        var repository = _host.Services.GetRequiredService<StrategyRepository>();
        var before = await StrategyApi.DocumentAsync(definition.Id, Requests.Get("?format=html"), repository, CancellationToken.None);
        await _host.PassStageAsync(definition, StageKey.Goals);
        await _host.WaitForStageAsync(definition.Id, StageKey.Audiences, 1, StagePhase.CollectingInput);
        await StrategyApi.CancelAsync(definition.Id, Requests.Json(""), Client, TimeProvider.System, CancellationToken.None);
        await _host.WaitForOutcomeAsync(definition.Id);

        Assert.Equal(404, Assert.IsType<ProblemHttpResult>(before.Result).StatusCode);
        var html = await Document("html");
        var markdown = await Document("md");
        var json = await Document("json");
        var bad = await StrategyApi.DocumentAsync(definition.Id, Requests.Get("?format=pdf"), repository, CancellationToken.None);

        Assert.StartsWith("text/html", html.ContentType, StringComparison.Ordinal);
        Assert.Contains("Lisää liidejä LinkedInistä", html.ResponseContent, StringComparison.Ordinal);
        Assert.Contains("Lisää liidejä LinkedInistä", markdown.ResponseContent, StringComparison.Ordinal);
        var document = DocumentRenderer.FromJson(json.ResponseContent!);
        Assert.Equal(DocumentOutcome.Cancelled, document.Outcome);
        Assert.Equal([StageKey.Goals], document.Stages.Select(s => s.Stage));
        Assert.Equal(400, Assert.IsType<ProblemHttpResult>(bad.Result).StatusCode);

        async Task<ContentHttpResult> Document(string format)
        {
            var result = await StrategyApi.DocumentAsync(definition.Id, Requests.Get($"?format={format}"), repository, CancellationToken.None);
            return Assert.IsType<ContentHttpResult>(result.Result);
        }
    }

    [Theory]
    [InlineData("html", null)]
    [InlineData("md", "headers-md-strategy.md")]
    [InlineData("json", "headers-json-strategy.json")]
    public async Task Document_EachFormat_IsNeverCachedNorFramedAndMarkdownAndJsonAreDownloads(string format, string? fileName)
    {
        var id = $"headers-{format}";
        Assert.True(DocumentRenderer.TryParseFormat(format, out var parsed));
        await _host.Repository.ArchiveDocumentAsync(StrategyRepository.DocumentName(id, parsed), "# Strategia", DocumentRenderer.ContentType(parsed));
        var request = Requests.Get($"?format={format}");

        var result = await StrategyApi.DocumentAsync(id, request, _host.Repository, CancellationToken.None);

        Assert.IsType<ContentHttpResult>(result.Result);
        var headers = request.HttpContext.Response.Headers;
        Assert.Equal("no-store", headers.CacheControl);
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        if (fileName is null)
        {
            Assert.Empty(headers.ContentDisposition.ToString());
        }
        else
        {
            var disposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(headers.ContentDisposition.ToString());
            Assert.Equal(("attachment", fileName), (disposition.DispositionType, disposition.FileName));
        }
    }
}
