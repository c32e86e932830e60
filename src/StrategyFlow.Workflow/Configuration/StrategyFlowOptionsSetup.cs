using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StrategyFlow.Workflow.Configuration;

/// <summary>Binds <c>StrategyFlow:*</c> to <see cref="StrategyFlowOptions"/> and checks it at start-up: a host with a bad setting does not start.</summary>
public static class StrategyFlowOptionsSetup
{
    public static IServiceCollection AddStrategyFlowOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StrategyFlowOptions>()
            .Bind(configuration.GetSection(StrategyFlowOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Links.SigningKeys() is not null, "StrategyFlow:Links:SigningKey (and PreviousSigningKeys) must be base64 keys of at least 32 bytes.")
            .Validate(o => o.Links.Lifetime > TimeSpan.Zero && o.Links.GracePeriod >= TimeSpan.Zero && o.Links.FreshLinkInterval > TimeSpan.Zero,
                "StrategyFlow:Links:Lifetime and FreshLinkInterval must be positive, GracePeriod not negative.")
            .Validate(o => o.Retention.KeepEndedFor == TimeSpan.Zero || o.Retention.KeepEndedFor >= o.Links.ReadOnlyLifetime,
                "StrategyFlow:Retention:KeepEndedFor must be zero (keep for ever) or at least StrategyFlow:Links:ReadOnlyLifetime: read-only links read the history.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Storage.ConnectionString) || Uri.IsWellFormedUriString(o.Storage.BlobServiceUri, UriKind.Absolute),
                "Set StrategyFlow:Storage:BlobServiceUri (Azure) or StrategyFlow:Storage:ConnectionString (local).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StrategyFlowOptions>>(
            new KeyVaultReferences(configuration.GetSection(StrategyFlowOptions.SectionName)));
        return services;
    }
}
