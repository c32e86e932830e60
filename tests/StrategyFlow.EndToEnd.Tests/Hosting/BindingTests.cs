using System.Globalization;
using System.Net;
using StrategyFlow.EndToEnd.Tests.Infrastructure;

namespace StrategyFlow.EndToEnd.Tests.Hosting;

/// <summary>Who can reach the local host, under which name, and on which port.</summary>
[Collection(LocalRuntimeCollection.Name)]
public sealed class BindingTests(LocalRuntimeFixture runtime)
{
    [Fact]
    public async Task Request_ForAnotherHostName_Is400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Host = "attacker.example";

        using var response = await runtime.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Request_ForALoopbackName_IsServed(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Host = $"{name}:{runtime.BaseUrl.Port.ToString(CultureInfo.InvariantCulture)}";

        using var response = await runtime.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SidecarPort_PublicRoute_IsNotServed()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{runtime.SidecarPort.ToString(CultureInfo.InvariantCulture)}/api/health")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // the sidecar speaks HTTP/2 only
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublicPort_SidecarCallNamingTheSidecarsPort_IsNotServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/TaskHubSidecarService/Hello") { Content = new ByteArrayContent(new byte[5]) };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.Host = $"127.0.0.1:{runtime.SidecarPort.ToString(CultureInfo.InvariantCulture)}";

        using var response = await runtime.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Host_AllAddressesWithTheDefaultOpsKey_RefusesToStart()
    {
        var data = Directory.CreateTempSubdirectory("strategyflow-e2e-refused-").FullName;
        using var host = new LocalHostServer(new Uri($"http://0.0.0.0:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}"), data, runtime.StorageConnectionString, opsKey: "");
        host.Environment["LocalHost__Durable__TaskHubName"] = "RefusedHost"; // should it start after all, it stays off the shared task hub

        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

            Assert.Contains("exited", refused.Message, StringComparison.Ordinal);
            Assert.Contains("STRATEGYFLOW_OPS_KEY", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// The worker and the sidecar exchange whole orchestration inputs and histories: a stage's context after three
    /// stages of the longest valid content is far over the public routes' 256 KB body limit, which must not apply here.
    /// </summary>
    [Fact]
    public async Task SidecarPort_GrpcMessageOverThePublicBodyLimit_IsServed()
    {
        const int Payload = 600 * 1024;
        var message = new List<byte> { 0x0A }; // field 1, length-delimited: an unknown field an empty message skips
        for (var length = (uint)Payload; ; length >>= 7)
        {
            message.Add((byte)(length < 0x80 ? length : (length & 0x7F) | 0x80));
            if (length < 0x80)
            {
                break;
            }
        }
        message.AddRange(new byte[Payload]);
        var frame = new byte[5 + message.Count]; // gRPC framing: not compressed, then the length, big-endian
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Count);
        message.CopyTo(frame, 5);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{runtime.SidecarPort.ToString(CultureInfo.InvariantCulture)}/TaskHubSidecarService/Hello")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.ParseAdd("trailers");

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer : response.Headers.GetValues("grpc-status");
        Assert.Equal("0", status.Single()); // OK, not Unknown from a refused body
    }
}
