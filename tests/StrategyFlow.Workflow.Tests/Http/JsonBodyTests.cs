using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>Reading JSON bodies: every failure is problem+json in the client's terms, never the serializer's.</summary>
public sealed class JsonBodyTests
{
    private const int Limit = 1024;

    private static Task<JsonBody.Result<StartStrategyRequest>> ReadAsync(HttpRequest request) =>
        JsonBody.ReadAsync<StartStrategyRequest>(request, Limit, optional: false, CancellationToken.None);

    private static Task<JsonBody.Result<StartStrategyRequest>> ReadAsync(string body) => ReadAsync(Requests.Json(body));

    /// <summary>What the client would read: no .NET type names, serializer wording or reader positions in its syntax.</summary>
    private static void AssertSpeaksTheClientsLanguage(ProblemHttpResult problem)
    {
        var json = JsonSerializer.Serialize(problem.ProblemDetails, problem.ProblemDetails.GetType());
        foreach (var leak in new[] { "System.", "StrategyFlow.", "Nullable", "Int32", "LineNumber", "BytePositionInLine", "Path: $", ".NET" })
        {
            Assert.DoesNotContain(leak, json, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"organisation\":\"typo\"}", "organisation", "Unknown field.")]
    [InlineData("{\"stages\":{\"goals\":{\"policies\":\"all\"}}}", "stages.goals.policies", "Unknown field.")]
    [InlineData("{\"stakeholders\":[{\"name\":\"A\",\"mail\":\"a@acme.example\"}]}", "stakeholders[0].mail", "Unknown field.")]
    [InlineData("{\"timing\":{\"maxReminders\":\"x\"}}", "timing.maxReminders", "Use a whole number.")]
    [InlineData("{\"timing\":{\"maxReminders\":1e100}}", "timing.maxReminders", "Use a whole number.")]
    [InlineData("{\"timing\":{\"maxReminders\":99999999999}}", "timing.maxReminders", "Use a whole number.")]
    [InlineData("{\"stakeholders\":[{\"name\":1}]}", "stakeholders[0].name", "Use text.")]
    [InlineData("{\"businessGoals\":[\"a\",{}]}", "businessGoals[1]", "Use text.")]
    [InlineData("{\"stakeholders\":{}}", "stakeholders", "Use a list.")]
    [InlineData("{\"timing\":[]}", "timing", "Use an object.")]
    [InlineData("{\"stages\":{\"goals\":{\"policy\":true}}}", "stages.goals.policy", "Use text.")]
    public async Task ReadAsync_UnknownFieldOrWrongType_IsAFieldErrorInPlainWords(string body, string field, string message)
    {
        var problem = (await ReadAsync(body)).Problem!;

        Assert.Equal(400, problem.StatusCode);
        var details = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.Equal([field], details.Errors.Keys);
        Assert.Equal([message], details.Errors[field]);
        AssertSpeaksTheClientsLanguage(problem);
    }

    [Fact]
    public async Task ReadAsync_SeveralMisfits_ListsEachByItsPath()
    {
        var problem = (await ReadAsync("{\"organisation\":\"typo\",\"a']b\":1,\"stages\":{\"x']y\":{\"q\":1}},\"timing\":{\"maxReminders\":\"x\"}}")).Problem!;

        var details = Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["organisation"] = ["Unknown field."],
                ["a']b"] = ["Unknown field."],
                ["stages.x']y.q"] = ["Unknown field."],
                ["timing.maxReminders"] = ["Use a whole number."],
            },
            details.Errors);
    }

    [Theory]
    [InlineData("{", "The body is not valid JSON (line 1, position 2).")]
    [InlineData("{\n  \"title\": \"x\",\n}", "The body is not valid JSON (line 3, position 1).")]
    [InlineData("{} x", "The body is not valid JSON (line 1, position 4).")]
    [InlineData("[]", "The body must be a JSON object.")]
    [InlineData("\"text\"", "The body must be a JSON object.")]
    [InlineData("null", "The body must be a JSON object.")]
    public async Task ReadAsync_NotAJsonObject_IsABadRequestInPlainWords(string body, string detail)
    {
        var problem = (await ReadAsync(body)).Problem!;

        Assert.Equal(400, problem.StatusCode);
        Assert.Equal(detail, problem.ProblemDetails.Detail);
        AssertSpeaksTheClientsLanguage(problem);
    }

    /// <summary>Kestrel refuses past the limit it was given (413) or on a broken chunk (400); its own words stay out.</summary>
    [Theory]
    [InlineData(413, "Request body too large. The max request body size is 1024 bytes.", "The body may be at most 1024 bytes.")]
    [InlineData(400, "Unexpected end of request content.", "The body could not be read completely.")]
    public async Task ReadAsync_HostRefusesTheBody_KeepsItsStatusNotItsMessage(int status, string refusal, string detail)
    {
        var request = Requests.Json("");
        request.Body = new RefusingStream(new BadHttpRequestException(refusal, status));

        var problem = (await ReadAsync(request)).Problem!;

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(detail, problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task ReadAsync_HostWithASettableBodyLimit_LowersItToTheRoutesLimit()
    {
        var request = Requests.Json("{}");
        var sizeLimit = new BodySizeFeature();
        request.HttpContext.Features.Set<IHttpMaxRequestBodySizeFeature>(sizeLimit);

        await ReadAsync(request);

        Assert.Equal(Limit, sizeLimit.MaxRequestBodySize);
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyOverTheLimit_Is413()
    {
        var request = Requests.Json($"{{\"title\":\"{new string('a', Limit)}\"}}");
        request.ContentLength = null;

        var problem = (await ReadAsync(request)).Problem!;

        Assert.Equal(413, problem.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/jsonp")]
    public async Task ReadAsync_NotJsonContentType_Is415(string contentType)
    {
        var request = Requests.Json("{}");
        request.ContentType = contentType;

        var problem = (await ReadAsync(request)).Problem!;

        Assert.Equal(415, problem.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    [InlineData(null)]
    public async Task ReadAsync_JsonOrUnstatedContentType_IsRead(string? contentType)
    {
        var request = Requests.Json("{\"title\":\"Strategia\"}");
        request.ContentType = contentType;

        var result = await ReadAsync(request);

        Assert.Null(result.Problem);
        Assert.Equal("Strategia", result.Value!.Title);
    }

    private sealed class BodySizeFeature : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = 30_000_000;
    }

    /// <summary>A body the server refuses to deliver, as Kestrel does past its limit or on a broken chunk.</summary>
    private sealed class RefusingStream(Exception refusal) : MemoryStream(Encoding.UTF8.GetBytes("{"))
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(refusal);
    }
}
