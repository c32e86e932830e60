using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SendGrid;
using StrategyFlow.Core.Links;
using StrategyFlow.Workflow.Activities;
using StrategyFlow.Workflow.Configuration;
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
        services.AddStrategyFlowOptions(configuration);

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
            sp.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Links.SigningKeys()!,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ContinuationTokens(sp.GetRequiredService<IOptions<StrategyFlowOptions>>().Value.Links.SigningKeys()!.Current));
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
}
