using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyFlow.Core.Documents;

namespace StrategyFlow.Workflow.Http;

/// <summary>An archived document as a response, the same for ops and for a reader's link.</summary>
internal static class DocumentDownload
{
    /// <summary>
    /// The HTML opens as its own page, locked down by its policy (printable, nothing loads or runs); Markdown and JSON
    /// are files to save, named after the strategy, never pages a browser renders in place. Nothing is cached.
    /// </summary>
    public static ContentHttpResult Result(HttpResponse response, string id, DocumentFormat format, BinaryData content)
    {
        var headers = response.Headers;
        if (format == DocumentFormat.Html)
        {
            // The archived page is self-contained: its own inline style, nothing to load, nothing to run.
            headers.ContentSecurityPolicy = $"{DocumentRenderer.HtmlContentSecurityPolicy}; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
        }
        else
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{id}-{DocumentRenderer.FileName(format)}" }.ToString();
        }

        // Internal strategy content: no copy is kept in a browser or proxy cache.
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(content.ToString(), DocumentRenderer.ContentType(format), Encoding.UTF8);
    }
}
