using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StrategyFlow.Functions.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// The worker's Application Insights: its own logs and dependency calls
    /// (Entra ID auth from APPLICATIONINSIGHTS_AUTHENTICATION_STRING), with form-link tokens redacted.
    /// </summary>
    public static IServiceCollection AddStrategyFlowTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITelemetryInitializer, FormLinkTelemetryInitializer>());
        return services;
    }
}
