using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Hosting;

[Collection(LocalRuntimeCollection.Name)]
public sealed class HttpSurfaceTests(LocalRuntimeFixture runtime)
{
    [Fact]
    public async Task Health_AfterStart_AnswersHealthy()
    {
        using var response = await runtime.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/strategies", null)]
    [InlineData("/api/strategies/acme-2027", null)]
    [InlineData("/api/strategies", "not-the-key")]
    [InlineData("/api/strategies/some/unknown/path", "not-the-key")]
    public async Task OpsRoute_WithoutTheKey_Answers401ProblemJson(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await runtime.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain(LocalRuntimeFixture.OpsKey, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpsRoute_WithTheKeyInTheHeader_IsNotRejected()
    {
        using var response = await runtime.OpsHttp.GetAsync("/api/strategies");

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"Ops route answered {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task OpsRoute_WithTheKeyAsCodeQuery_IsNotRejected()
    {
        using var response = await runtime.Http.GetAsync($"/api/strategies?code={LocalRuntimeFixture.OpsKey}");

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Answers404ProblemJson()
    {
        using var response = await runtime.Http.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizedBody_Answers413ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send") { Content = new ByteArrayContent(new byte[300 * 1024]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", LocalRuntimeFixture.MailApiKey);

        using var response = await runtime.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StartStrategy_BodyOverItsLimit_Answers413ProblemJsonChunkedOrNot(bool chunked)
    {
        var padding = new string(' ', 100 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/strategies") { Content = new StringContent($"{{{padding}}}", null, "application/json") };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await runtime.OpsHttp.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(413, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task StartStrategy_BodyThatDoesNotFit_Answers400FieldErrorsWithoutTypeNames()
    {
        using var response = await runtime.OpsHttp.PostAsync(
            "/api/strategies", new StringContent("{\"organisation\":\"Acme\",\"timing\":{\"maxReminders\":\"two\"}}", null, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Equal("Unknown field.", errors.GetProperty("organisation")[0].GetString());
        Assert.Equal("Use a whole number.", errors.GetProperty("timing.maxReminders")[0].GetString());
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("StrategyFlow.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartStrategy_OverflowingDuration_Answers400FieldErrorNot500()
    {
        var start = StrategyOps.NewRequest("overflow", 1, new JsonObject { ["responseWindow"] = "P99999999Y" });

        using var response = await runtime.OpsHttp.PostAsJsonAsync("/api/strategies", start);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["timing.responseWindow"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("cHJvYmUtMg%3D%3D%20")]
    public async Task ListStrategies_ContinuationTokenTheApiNeverIssued_Answers400(string token)
    {
        using var response = await runtime.OpsHttp.GetAsync($"/api/strategies?continuationToken={token}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["continuationToken"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task ListStrategies_PageByPage_VisitsEachNewStrategyOnce()
    {
        var ops = new StrategyOps(runtime);
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var requests = Enumerable.Range(1, 3).Select(_ => StrategyOps.NewRequest("paged", 1, new JsonObject())).ToList();
        foreach (var request in requests)
        {
            await ops.StartAsync(request);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await runtime.OpsHttp.GetFromJsonAsync<JsonElement>(
                $"/api/strategies?createdFrom={since}&pageSize=1{(token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.All(requests.Select(StrategyOps.Id), id => Assert.Single(seen, id));
    }

    [Fact]
    public async Task StartStrategy_EightSimultaneousStartsOfOneNewId_OneIs202AndTheRest409()
    {
        var start = StrategyOps.NewRequest("raced", 1, new JsonObject());
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = Enumerable.Range(0, 8).Select(async _ =>
        {
            await go.Task;
            using var response = await runtime.OpsHttp.PostAsJsonAsync("/api/strategies", start);
            return response.StatusCode;
        }).ToList();

        go.SetResult();
        var statuses = await Task.WhenAll(starts);

        Assert.Single(statuses, s => s == HttpStatusCode.Accepted);
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        var status = await new StrategyOps(runtime).StatusAsync(StrategyOps.Id(start));
        Assert.Equal("Running", status.GetProperty("status").GetString());
    }
}
