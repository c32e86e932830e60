namespace StrategyFlow.LocalHost.Hosting;

/// <summary>
/// Bad input gets a clear answer, never a bare 500 page: RFC 9457 problem details for errors and empty
/// error responses, and a size limit on request bodies.
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// Largest request body of every route but the form links: their handler raises it, per request and before
    /// reading, to the form limit computed from the validator's maxima (<see cref="Workflow.Pages.FormLimits.MaxBodyBytes"/>).
    /// </summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
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
