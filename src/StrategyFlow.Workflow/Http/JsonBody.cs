using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyFlow.Core.Serialization;

namespace StrategyFlow.Workflow.Http;

/// <summary>Reads a JSON request body with a size limit; every failure becomes problem+json, never a 500.</summary>
public static class JsonBody
{
    /// <summary>Requests name their fields exactly: a misspelt field is an error, not silently ignored.</summary>
    private static readonly JsonSerializerOptions Strict = new(CoreJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public sealed record Result<T>(T? Value, ProblemHttpResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return new(null, Problems.TooLarge(maxBytes));
        }

        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (limited.Length + read > maxBytes)
                {
                    return new(null, Problems.TooLarge(maxBytes));
                }

                limited.Write(buffer, 0, read);
            }

            if (limited.Length == 0)
            {
                return optional ? new(null, null) : new(null, Problems.BadRequest("A JSON body is required."));
            }

            if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return new(null, Problems.UnsupportedMediaType());
            }

            limited.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(limited, Strict, cancellationToken);
            return value is null ? new(null, Problems.BadRequest("A JSON object is required.")) : new(value, null);
        }
        catch (JsonException e)
        {
            return new(null, Problems.BadRequest($"The body is not valid JSON for this request{(e.Path is null ? "" : $" (at {e.Path})")}: {FirstLine(e.Message)}"));
        }
        catch (BadHttpRequestException e)
        {
            return new(null, Problems.BadRequest(e.Message));
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

/// <summary>The problem+json answers of the API (RFC 9457).</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The body may be at most {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        TypedResults.Problem("Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no strategy '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Strategy not found.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);
}
