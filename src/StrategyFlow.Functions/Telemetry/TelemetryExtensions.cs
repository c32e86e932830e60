using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace StrategyFlow.Functions.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// The worker's Application Insights: its own logs and dependency calls
    /// (Entra ID auth from APPLICATIONINSIGHTS_AUTHENTICATION_STRING), with form-link tokens redacted.
    /// ASP.NET Core's own logs stay at Warning, as in the local host: its request logs print the
    /// full path (<c>/api/forms/{token}</c>) at Information, to every logging provider.
    /// </summary>
    public static IServiceCollection AddStrategyFlowTelemetry(this IServiceCollection services)
    {
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITelemetryInitializer, FormLinkTelemetryInitializer>());
        return services;
    }
}
