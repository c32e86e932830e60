using Microsoft.ApplicationInsights.DataContracts;
using StrategyFlow.Functions.Telemetry;
using StrategyFlow.Workflow.Http;

namespace StrategyFlow.Functions.Tests.Telemetry;

/// <summary>The worker's telemetry initializer on items shaped like the ones the SDK and our logs produce.</summary>
public sealed class FormLinkTelemetryInitializerTests
{
    private static readonly string Path = $"/api/forms/{FormLink.Token}";

    private readonly FormLinkTelemetryInitializer _initializer = new();

    /// <summary>A request as ASP.NET Core request tracking builds it, plus the properties Functions adds.</summary>
    private static RequestTelemetry FormRequest()
    {
        var request = new RequestTelemetry
        {
            Name = $"GET {Path}",
            Url = new Uri($"{FormLink.Host}{Path}?lang=fi"),
            ResponseCode = "200",
            Success = true,
        };
        request.Context.Operation.Name = $"GET {Path}";
        request.Properties["RequestUrl"] = $"{FormLink.Host}{Path}";
        request.Properties["Url"] = $"{FormLink.Host}{Path}";
        request.Properties["HttpPath"] = Path;
        request.Properties["HttpMethod"] = "GET";
        return request;
    }

    [Fact]
    public void Initialize_FormRequest_LeavesNoTokenAnywhereInWhatIsSent()
    {
        var request = FormRequest();
        Assert.Contains(FormLink.Token, FormLink.Wire(request), StringComparison.Ordinal); // the test sees the token first

        _initializer.Initialize(request);

        Assert.DoesNotContain(FormLink.Token, FormLink.Wire(request), StringComparison.Ordinal);
        Assert.Equal($"{FormLink.Host}/api/forms/{LinkRedaction.Placeholder}?lang=fi", Uri.UnescapeDataString(request.Url.AbsoluteUri));
        Assert.Equal("GET /api/forms/[redacted]", request.Name);
        Assert.Equal("GET /api/forms/[redacted]", request.Context.Operation.Name);
        Assert.Equal("/api/forms/[redacted]", request.Properties["HttpPath"]);
        Assert.Equal($"{FormLink.Host}/api/forms/[redacted]", request.Properties["RequestUrl"]);
        Assert.Equal($"{FormLink.Host}/api/forms/[redacted]", request.Properties["Url"]);
        Assert.Equal("GET", request.Properties["HttpMethod"]);
        Assert.Equal("200", request.ResponseCode);
    }

    [Fact]
    public void Initialize_LogWrittenDuringAFormRequest_RedactsTheRequestPathScope()
    {
        // ASP.NET Core's request log scope (RequestPath) becomes a custom property of every log in the request.
        var trace = new TraceTelemetry("A form request could not be served; the person was asked to try again.", SeverityLevel.Error);
        trace.Properties["RequestPath"] = Path;
        trace.Properties["RequestId"] = "0HN:00000001";
        trace.Context.Operation.Name = "ShowForm";

        _initializer.Initialize(trace);

        Assert.DoesNotContain(FormLink.Token, FormLink.Wire(trace), StringComparison.Ordinal);
        Assert.Equal("/api/forms/[redacted]", trace.Properties["RequestPath"]);
        Assert.Equal("0HN:00000001", trace.Properties["RequestId"]);
        Assert.Equal("ShowForm", trace.Context.Operation.Name);
    }

    [Fact]
    public void Initialize_ExceptionWhoseMessageHoldsTheUrl_RedactsTheMessage()
    {
        var exception = new ExceptionTelemetry(new InvalidOperationException($"Request to {FormLink.Host}{Path} failed."));
        exception.Properties["RequestPath"] = Path;

        _initializer.Initialize(exception);

        Assert.DoesNotContain(FormLink.Token, FormLink.Wire(exception), StringComparison.Ordinal);
        Assert.Contains("/api/forms/[redacted] failed.", FormLink.Wire(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_DependencyCallToAFormLink_RedactsNameAndData()
    {
        var dependency = new DependencyTelemetry("Http", "strategyflow.azurewebsites.net", $"GET {Path}", $"{FormLink.Host}{Path}");

        _initializer.Initialize(dependency);

        Assert.DoesNotContain(FormLink.Token, FormLink.Wire(dependency), StringComparison.Ordinal);
        Assert.Equal("GET /api/forms/[redacted]", dependency.Name);
        Assert.Equal($"{FormLink.Host}/api/forms/[redacted]", dependency.Data);
    }

    [Fact]
    public void Initialize_OtherRequest_IsUnchanged()
    {
        var url = new Uri($"{FormLink.Host}/api/strategies/acme-2027?format=html");
        var request = new RequestTelemetry { Name = "GetStrategy", Url = url };
        request.Properties["HttpPath"] = "/api/strategies/acme-2027";

        _initializer.Initialize(request);

        Assert.Same(url, request.Url);
        Assert.Equal("GetStrategy", request.Name);
        Assert.Equal("/api/strategies/acme-2027", request.Properties["HttpPath"]);
    }
}
