using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyFlow.Core.Serialization;
using StrategyFlow.Workflow.Strategies;

namespace StrategyFlow.Workflow.Http;

/// <summary>
/// Reads a JSON request body with a size limit. Every failure becomes problem+json in the client's terms:
/// a field-level error keyed by the field's path, never a 500, and never the serializer's own message
/// (it names .NET types).
/// </summary>
public static class JsonBody
{
    /// <summary>Requests name their fields exactly: a misspelt field is an error, not silently ignored.</summary>
    private static readonly JsonSerializerOptions Strict = new(CoreJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly StringComparison NameComparison =
        Strict.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public sealed record Result<T>(T? Value, ProblemHttpResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return new(null, Problems.TooLarge(maxBytes));
        }

        // Where the server enforces it (Kestrel, until reading starts), the route's own limit applies
        // to chunked bodies too; counting below covers hosts where it is not settable.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = maxBytes;
        }

        byte[] body;
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

            body = limited.ToArray();
        }
        catch (BadHttpRequestException e)
        {
            return new(null, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(maxBytes)
                : Problems.BadRequest("The body could not be read completely."));
        }

        if (body.Length == 0)
        {
            return optional ? new(null, null) : new(null, Problems.BadRequest("A JSON body is required."));
        }

        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return new(null, Problems.UnsupportedMediaType());
        }

        return Deserialize<T>(body);
    }

    private static Result<T> Deserialize<T>(byte[] body)
        where T : class
    {
        // Parsing first tells broken JSON (a position to fix) from JSON that does not fit the request (a field to fix).
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return new(null, Problems.BadRequest($"The body is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, Problems.BadRequest("The body must be a JSON object."));
            }

            var misfits = new Dictionary<string, string[]>(StringComparer.Ordinal);
            CollectMisfits(document.RootElement, Strict.GetTypeInfo(typeof(T)), "", misfits);
            if (misfits.Count > 0)
            {
                return new(null, Problems.InvalidFields(misfits));
            }

            try
            {
                return new(document.Deserialize<T>(Strict), null);
            }
            catch (JsonException)
            {
                // The walk above knows every rule these requests use; this is only the safety net.
                return new(null, Problems.BadRequest("The body does not fit this request."));
            }
        }
    }

    /// <summary>
    /// Walks the document along the request's contract and names every misfit by its path, as the
    /// validator names fields: a name the contract lacks is an unknown field, a value of the wrong JSON
    /// type says which type fits. Every request field is optional, so null fits anywhere.
    /// </summary>
    private static void CollectMisfits(JsonElement value, JsonTypeInfo contract, string path, Dictionary<string, string[]> misfits)
    {
        switch (contract.Kind, value.ValueKind)
        {
            case (_, JsonValueKind.Null):
                break;
            case (JsonTypeInfoKind.Object, JsonValueKind.Object):
                foreach (var property in value.EnumerateObject())
                {
                    var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    var member = contract.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, NameComparison));
                    if (member is null)
                    {
                        misfits[field] = ["Unknown field."];
                    }
                    else
                    {
                        CollectMisfits(property.Value, Strict.GetTypeInfo(member.PropertyType), field, misfits);
                    }
                }

                break;
            case (JsonTypeInfoKind.Dictionary, JsonValueKind.Object):
                foreach (var entry in value.EnumerateObject())
                {
                    CollectMisfits(entry.Value, Strict.GetTypeInfo(contract.ElementType!), $"{path}.{entry.Name}", misfits);
                }

                break;
            case (JsonTypeInfoKind.Enumerable, JsonValueKind.Array):
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CollectMisfits(item, Strict.GetTypeInfo(contract.ElementType!), $"{path}[{index++}]", misfits);
                }

                break;
            case (JsonTypeInfoKind.None, _) when FitsScalar(value, Nullable.GetUnderlyingType(contract.Type) ?? contract.Type):
                break;
            default:
                misfits[path] = [$"Use {Describe(contract)}."];
                break;
        }
    }

    /// <summary>The scalar types requests use; numbers may come as strings (web defaults), as the serializer reads them.</summary>
    private static bool FitsScalar(JsonElement value, Type type) =>
        type == typeof(string) ? value.ValueKind == JsonValueKind.String
        : type == typeof(int) ? value.ValueKind == JsonValueKind.Number ? value.TryGetInt32(out _)
            : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
        : true;

    private static string Describe(JsonTypeInfo contract) => (contract.Kind, Nullable.GetUnderlyingType(contract.Type) ?? contract.Type) switch
    {
        (JsonTypeInfoKind.Enumerable, _) => "a list",
        (JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary, _) => "an object",
        (_, var type) when type == typeof(string) => "text",
        (_, var type) when type == typeof(int) => "a whole number",
        (_, var type) when type == typeof(bool) => "true or false",
        _ => "a value of another kind",
    };
}

/// <summary>The problem+json answers of the API (RFC 9457).</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    /// <summary>A 400 whose <c>errors</c> name fields by their JSON paths, as validation problems do.</summary>
    public static ProblemHttpResult InvalidFields(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        });

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The body may be at most {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        TypedResults.Problem("Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");

    /// <summary>An id no strategy can have (wrong characters or length) is not echoed back.</summary>
    public static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        StartStrategyValidator.IdPattern().IsMatch(id) ? $"There is no strategy '{id}'." : "There is no strategy with this id: ids are 2-64 lower-case letters, digits and dashes.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Strategy not found.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title);
}
