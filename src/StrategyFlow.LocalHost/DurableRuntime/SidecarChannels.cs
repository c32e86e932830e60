using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// The gRPC channels to the in-process sidecar: one for the worker (it reconnects by itself) and one for
/// the client, whose calls are retried while the sidecar is still coming up (right after start,
/// under load, the first calls can fail once with "Error connecting to subchannel").
/// </summary>
public sealed class SidecarChannels : IDisposable
{
    public SidecarChannels(SidecarEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // Work items carry whole histories and inputs: no 4 MB cap on what the sidecar sends back.
        Worker = GrpcChannel.ForAddress(endpoint.Address, new GrpcChannelOptions { MaxReceiveMessageSize = null });
        Client = GrpcChannel.ForAddress(endpoint.Address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        // Only Unavailable, a sidecar not reachable yet, is retried.
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 5,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
    }

    public GrpcChannel Worker { get; }

    public GrpcChannel Client { get; }

    public void Dispose()
    {
        Worker.Dispose();
        Client.Dispose();
    }
}

/// <summary>Where the sidecar listens: loopback only, HTTP/2 only.</summary>
public sealed record SidecarEndpoint(int Port)
{
    public Uri Address => new($"http://127.0.0.1:{Port}");
}
