using Microsoft.AspNetCore.Http.Features;

namespace StrategyFlow.LocalHost.Hosting;

/// <summary>
/// Bad input gets a clear answer, never a bare 500 page: RFC 9457 problem details for errors and empty
/// error responses, and size limits on request bodies and forms.
/// </summary>
public static class HttpHardening
{
    /// <summary>Largest request body accepted anywhere (forms and JSON are a few KB).</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Services.Configure<FormOptions>(forms =>
        {
            forms.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            forms.ValueLengthLimit = (int)MaxRequestBodyBytes;
            forms.ValueCountLimit = 500;
            forms.KeyLengthLimit = 200;
        });
        return builder;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body over the limit, a malformed request: the client's fault, with its own status (413, 400).
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }
}
