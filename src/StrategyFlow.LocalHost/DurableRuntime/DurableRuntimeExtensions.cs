using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Options;
using StrategyFlow.LocalHost.Hosting;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// The local durable runtime: DTFx's Azure Storage backend on Azurite, served to the Durable Task worker
/// and client by the public gRPC sidecar on a loopback HTTP/2 port (docs/architecture.md, "The local runtime").
/// </summary>
public static class DurableRuntimeExtensions
{
    /// <summary>
    /// The runtime with the orchestrators and activities <paramref name="registerTasks"/> adds: the product's,
    /// or another workload's on exactly the same runtime and settings (the bench's floor).
    /// </summary>
    public static WebApplicationBuilder AddLocalDurableRuntime(this WebApplicationBuilder builder, Action<DurableTaskRegistry> registerTasks)
    {
        ArgumentNullException.ThrowIfNull(registerTasks);
        var section = builder.Configuration.GetSection(DurableRuntimeOptions.SectionName);
        var configured = section.Get<DurableRuntimeOptions>() ?? new DurableRuntimeOptions();
        var endpoint = new SidecarEndpoint(configured.SidecarPort > 0 ? configured.SidecarPort : FreeLoopbackPort());

        var services = builder.Services;
        services.AddOptions<DurableRuntimeOptions>().Bind(section);
        services.AddSingleton(endpoint);
        services.AddSingleton<SidecarChannels>();

        // HTTP/2 only: with HTTP/1.1 also allowed, cleartext connections are HTTP/1.1 and the worker fails.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));

        // The backend is the one switch: worker, client, sidecar and tasks are the same for both.
        services.AddKeyedSingleton(Backend, (provider, _) => CreateOrchestrationService(provider));
        services.AddSingleton<IOrchestrationService>(p => new ActivityLockRenewingOrchestrationService(
            p.GetRequiredKeyedService<IOrchestrationService>(Backend),
            p.GetRequiredService<IOptions<DurableRuntimeOptions>>().Value.WorkItemQueueVisibilityTimeout / 3,
            p.GetRequiredService<ILogger<ActivityLockRenewingOrchestrationService>>()));
        services.AddSingleton(p => (IOrchestrationServiceClient)p.GetRequiredKeyedService<IOrchestrationService>(Backend));
        services.AddGrpc(grpc =>
        {
            grpc.IgnoreUnknownServices = true; // no catch-all gRPC routes on the public port
            grpc.MaxReceiveMessageSize = null; // inputs and histories of any size, as the storage backend takes them
        });
        services.AddSingleton<TaskHubGrpcServer>();

        // Registered before the worker: hosted services start in order, and the task hub must exist first.
        services.AddHostedService<DurableRuntimeLifecycle>();
        services.AddSingleton<DurableReadiness>();
        services.AddHostedService(p => p.GetRequiredService<DurableReadiness>());

        // The sidecar serves exactly one worker.
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            worker.AddTasks(registerTasks);
            services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name).Configure<SidecarChannels>((grpc, channels) =>
            {
                grpc.Channel = channels.Worker;
                // The sidecar sends no health pings: an idle stream must not count as a silent disconnect.
                grpc.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(client.Name)
                .Configure<SidecarChannels>((grpc, channels) => grpc.Channel = channels.Client);
        });
        return builder;
    }

    /// <summary>
    /// The sidecar, reachable only on its own loopback port, and that port serves nothing else. Decided by the
    /// port the connection arrived on, never by the Host header, which any client can write.
    /// </summary>
    public static WebApplication MapLocalDurableRuntime(this WebApplication app)
    {
        var sidecarPort = app.Services.GetRequiredService<SidecarEndpoint>().Port;
        app.Use(async (context, next) =>
        {
            var forSidecar = context.GetEndpoint()?.Metadata.GetMetadata<SidecarOnly>() is not null;
            if (forSidecar != (context.Connection.LocalPort == sidecarPort))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // The worker and the sidecar exchange whole orchestration inputs and histories: the public routes'
            // body limit is not theirs (the port is loopback only and serves nothing else).
            if (forSidecar && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            await next(context);
        });
        app.MapGrpcService<TaskHubGrpcServer>().WithMetadata(SidecarOnly.Instance);
        return app;
    }

    /// <summary>Marks the sidecar's endpoints.</summary>
    private sealed class SidecarOnly
    {
        public static readonly SidecarOnly Instance = new();
    }

    /// <summary>Until the durable runtime answers, <c>/api</c> routes answer 503 problem+json with Retry-After.</summary>
    public static WebApplication UseDurableReadinessGate(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<DurableReadiness>();
        app.Use(async (context, next) =>
        {
            if (!readiness.IsReady && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Starting",
                    detail: "The durable runtime is starting; try again in a second.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    // The backend itself; the sidecar's worker side sees it through ActivityLockRenewingOrchestrationService.
    private const string Backend = "durable-backend";

    private static IOrchestrationService CreateOrchestrationService(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<DurableRuntimeOptions>>().Value;
        if (options.Backend == DurableBackend.Memory)
        {
            return new InMemoryOrchestrationService(provider.GetRequiredService<ILoggerFactory>());
        }

        var contract = provider.GetRequiredService<LocalContract>();
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(contract.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            WorkerId = options.WorkerId,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
            CustomMessageTypeBinder = new ProtobufTagsTypeBinder(),
        });
    }

    // A port the OS just handed out and released; Kestrel binds it moments later.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
