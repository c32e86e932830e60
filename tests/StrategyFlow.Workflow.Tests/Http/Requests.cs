using System.Text;
using Microsoft.AspNetCore.Http;

namespace StrategyFlow.Workflow.Tests.Http;

/// <summary>Requests as a host hands them to the handlers.</summary>
internal static class Requests
{
    public static HttpRequest Json(string body, string query = "") =>
        Create("POST", "application/json", Encoding.UTF8.GetBytes(body), query);

    public static HttpRequest Get(string query = "") => Create("GET", null, [], query);

    public static HttpRequest Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return Create("POST", "application/x-www-form-urlencoded", content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), "");
    }

    private static HttpRequest Create(string method, string? contentType, byte[] body, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
