using System.Text;
using Microsoft.AspNetCore.Http;

namespace StrategyFlow.Workflow.Pages;

/// <summary>
/// An HTML page for people, sent with StrategyFlow's security headers: a CSP that allows only our one
/// inline stylesheet (no scripts at all), no referrer (the URL holds the personal token), no caching.
/// </summary>
public sealed class HtmlResult(int statusCode, string html) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public int StatusCode { get; } = statusCode;

    public string Html { get; } = html ?? throw new ArgumentNullException(nameof(html));

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => HtmlContentType;

    /// <summary>The headers every StrategyFlow page is sent with (also used by the development mailbox).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SecurityHeaders { get; } =
    [
        new("Content-Security-Policy", PageStyle.ContentSecurityPolicy),
        new("Referrer-Policy", "no-referrer"),
        new("X-Content-Type-Options", "nosniff"),
        new("Cache-Control", "no-store"),
    ];

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = HtmlContentType;
        foreach (var (name, value) in SecurityHeaders)
        {
            response.Headers[name] = value;
        }

        var body = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
