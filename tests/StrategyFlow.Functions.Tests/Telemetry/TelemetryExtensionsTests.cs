using System.Collections.Concurrent;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.ApplicationInsights.WorkerService;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StrategyFlow.Functions.Telemetry;

namespace StrategyFlow.Functions.Tests.Telemetry;

/// <summary>The worker's Application Insights as Program.cs registers it, with the channel replaced by a recorder.</summary>
public sealed class TelemetryExtensionsTests : IDisposable
{
    private readonly RecordingChannel _channel = new();
    private readonly IHost _host;

    public TelemetryExtensionsTests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ApplicationInsights:ConnectionString"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        builder.Services.AddSingleton<ITelemetryChannel>(_channel);
        builder.Services.AddStrategyFlowTelemetry();
        builder.Services.Configure<ApplicationInsightsServiceOptions>(options =>
        {
            // Nothing in the background and every item kept: the test reads exactly what was tracked.
            options.EnableAdaptiveSampling = false;
            options.EnableQuickPulseMetricStream = false;
            options.EnablePerformanceCounterCollectionModule = false;
            options.EnableEventCounterCollectionModule = false;
            options.EnableDependencyTrackingTelemetryModule = false;
            options.EnableHeartbeat = false;
            options.EnableAppServicesHeartbeatTelemetryModule = false;
            options.EnableAzureInstanceMetadataTelemetryModule = false;
            options.EnableDiagnosticsTelemetryModule = false;
        });
        _host = builder.Build();
    }

    public void Dispose()
    {
        _host.Dispose();
        _channel.Dispose();
    }

    [Fact]
    public void AddStrategyFlowTelemetry_TelemetryConfiguration_RunsTheFormLinkInitializerOnce()
    {
        var configuration = _host.Services.GetRequiredService<TelemetryConfiguration>();

        Assert.Single(configuration.TelemetryInitializers.OfType<FormLinkTelemetryInitializer>());
    }

    [Fact]
    public void AddStrategyFlowTelemetry_AspNetCoreRequestLogs_AreOffBelowWarning()
    {
        var loggers = _host.Services.GetRequiredService<ILoggerFactory>();

        var hosting = loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics"); // "Request starting GET …/api/forms/{token}"
        Assert.False(hosting.IsEnabled(LogLevel.Information));
        Assert.True(hosting.IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("StrategyFlow.Workflow.Http.FormServices").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void AddStrategyFlowTelemetry_CalledTwice_RegistersTheInitializerOnce()
    {
        var services = new ServiceCollection().AddStrategyFlowTelemetry().AddStrategyFlowTelemetry();

        Assert.Single(services, d => d.ImplementationType == typeof(FormLinkTelemetryInitializer));
    }

    [Fact]
    public void AddStrategyFlowTelemetry_FormRequestAndLogTracked_ReachTheChannelWithoutTheToken()
    {
        var client = _host.Services.GetRequiredService<TelemetryClient>();
        var path = $"/api/forms/{FormLink.Token}";
        var request = new RequestTelemetry { Name = $"POST {path}", Url = new Uri(FormLink.Host + path), ResponseCode = "200" };
        var trace = new TraceTelemetry("A form request could not be served; the person was asked to try again.", SeverityLevel.Error);
        trace.Properties["RequestPath"] = path;

        client.TrackRequest(request);
        client.TrackTrace(trace);
        client.Flush();

        var sent = _channel.Items.Where(i => i is RequestTelemetry or TraceTelemetry).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, item =>
        {
            var wire = FormLink.Wire(item);
            Assert.DoesNotContain(FormLink.Token, wire, StringComparison.Ordinal);
            Assert.Contains("/api/forms/[redacted]", Uri.UnescapeDataString(wire), StringComparison.Ordinal);
        });
    }

    /// <summary>Keeps what the pipeline would transmit.</summary>
    private sealed class RecordingChannel : ITelemetryChannel
    {
        private readonly ConcurrentQueue<ITelemetry> _items = new();

        public IReadOnlyCollection<ITelemetry> Items => _items;

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => _items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
