using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StrategyFlow.Workflow.Hosting;

/// <summary>
/// The one place both hosts (Azure Functions and the local host) get StrategyFlow from: services,
/// and the orchestrations and activities registered once.
/// </summary>
public static class StrategyFlowHosting
{
    /// <summary>Options (validated at start-up), SendGrid, Blob Storage, link tokens, stores.</summary>
    public static IServiceCollection AddStrategyFlow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StrategyFlowOptions>()
            .Bind(configuration.GetSection(StrategyFlowOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Every orchestrator and activity of StrategyFlow. Call once per registry.</summary>
    public static DurableTaskRegistry AddStrategyFlowTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry;
    }
}
