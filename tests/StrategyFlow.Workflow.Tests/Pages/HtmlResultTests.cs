using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using StrategyFlow.Core.Framework;
using StrategyFlow.Workflow.Pages;

namespace StrategyFlow.Workflow.Tests.Pages;

public sealed class HtmlResultTests
{
    [Fact]
    public async Task ExecuteAsync_WritesTheStatusTheHtmlAndTheSecurityHeaders()
    {
        var result = FormPages.StakeholderForm(Samples.Form(StageKey.Goals));
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await result.ExecuteAsync(context);

        var response = context.Response;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        Assert.Equal(result.Html, Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
        Assert.Equal(response.Body.Length, response.ContentLength);

        var csp = response.Headers.ContentSecurityPolicy.ToString().Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain(csp, d => d.StartsWith("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentSecurityPolicy_StyleHash_MatchesThePagesOnlyStylesheet()
    {
        foreach (var (name, page) in SamplePagesTests.All())
        {
            var document = HtmlForm.Parse(page.Html);
            var style = Assert.Single(document.QuerySelectorAll("style"));
            var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.TextContent)));

            Assert.Contains($"style-src '{hash}'", PageStyle.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Empty(document.QuerySelectorAll("script, [style], link, iframe, base"));
            Assert.True(document.All.All(e => e.Attributes.All(a => !a.Name.StartsWith("on", StringComparison.Ordinal))), name);
        }
    }
}
