using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SendGrid;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Http;
using StrategyFlow.Workflow.Mail;
using StrategyFlow.Workflow.Orchestration;
using StrategyFlow.Workflow.Retention;
using StrategyFlow.Workflow.Storage;

namespace StrategyFlow.Workflow.Hosting;

/// <summary>
/// The one place both hosts (Azure Functions and the local host) get StrategyFlow from: services,
/// and the orchestrations and activities registered once.
/// </summary>
public static class StrategyFlowHosting
{
    /// <summary>Options (validated at start-up), SendGrid, Blob Storage, link tokens, the repository.</summary>
    public static IServiceCollection AddStrategyFlow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StrategyFlowOptions>()
            .Bind(configuration.GetSection(StrategyFlowOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => SigningKeys(o.Links) is not null, "StrategyFlow:Links:SigningKey (and PreviousSigningKeys) must be base64 keys of at least 32 bytes.")
            .Validate(o => o.Links.Lifetime > TimeSpan.Zero && o.Links.GracePeriod >= TimeSpan.Zero && o.Links.FreshLinkInterval > TimeSpan.Zero,
                "StrategyFlow:Links:Lifetime and FreshLinkInterval must be positive, GracePeriod not negative.")
            .Validate(o => o.Retention.KeepEndedFor == TimeSpan.Zero || o.Retention.KeepEndedFor >= o.Links.ReadOnlyLifetime,
                "StrategyFlow:Retention:KeepEndedFor must be zero (keep for ever) or at least StrategyFlow:Links:ReadOnlyLifetime: read-only links read the history.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Storage.ConnectionString) || Uri.IsWellFormedUriString(o.Storage.BlobServiceUri, UriKind.Absolute),
                "Set StrategyFlow:Storage:BlobServiceUri (Azure) or StrategyFlow:Storage:ConnectionString (local).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StrategyFlowOptions>>(
            new KeyVaultReferences(configuration.GetSection(StrategyFlowOptions.SectionName)));

        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(SendGridClient));
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Mail;
            var clientOptions = new SendGridClientOptions { ApiKey = mail.ApiKey };
            if (!string.IsNullOrWhiteSpace(mail.Host))
            {
                clientOptions.Host = mail.Host;
            }

            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridClient));
            return new SendGridClient(http, clientOptions);
        });
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Storage;
            return string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? new BlobServiceClient(new Uri(storage.BlobServiceUri!), new DefaultAzureCredential())
                : new BlobServiceClient(storage.ConnectionString);
        });
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        services.AddSingleton<StrategyRepository>();
        services.AddSingleton(sp => new LinkTokens(
            SigningKeys(sp.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Links)!,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ContinuationTokens(SigningKeys(sp.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Links)!.Current));
        services.AddSingleton<MailSender>();
        services.AddSingleton<FreshLinks>();
        services.AddSingleton<FormServices>();
        services.AddSingleton<HistoryRetention>();
        return services;
    }

    /// <summary>Every orchestrator and activity of StrategyFlow. Call once per registry.</summary>
    public static DurableTaskRegistry AddStrategyFlowTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<StrategyOrchestrator>()
            .AddActivity<SendMail>()
            .AddActivity<PrepareReview>()
            .AddActivity<ApproveStage>()
            .AddActivity<ArchiveStrategy>();
    }

    /// <summary>The configured keys, or null when any is not base64 of at least 32 bytes.</summary>
    private static LinkSigningKeys? SigningKeys(LinkOptions links)
    {
        var current = Key(links.SigningKey);
        var previous = links.PreviousSigningKeys
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Key)
            .ToList();
        return current is null || previous.Any(k => k is null) ? null : new LinkSigningKeys(current, previous!);

        static byte[]? Key(string? base64)
        {
            var buffer = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
            return Convert.TryFromBase64String(base64 ?? "", buffer, out var written) && written >= 32 ? buffer[..written] : null;
        }
    }
}
