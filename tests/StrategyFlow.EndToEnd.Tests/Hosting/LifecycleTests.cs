using StrategyFlow.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StrategyFlow.EndToEnd.Tests.Hosting;

[Collection(LocalRuntimeCollection.Name)]
public sealed class LifecycleTests(LocalRuntimeFixture runtime, ITestOutputHelper output)
{
    [Fact]
    public async Task Host_Sigterm_ReleasesLeasesAndExitsWithinDeadline()
    {
        try
        {
            var (elapsed, exitCode) = await runtime.Host.TerminateAsync(TimeSpan.FromSeconds(15));

            output.WriteLine($"SIGTERM to exit: {elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(0, exitCode);
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"Shutdown took {elapsed.TotalSeconds:0.0} s.");
            Assert.Contains("partition leases released", runtime.Host.Output, StringComparison.Ordinal);
        }
        finally
        {
            await runtime.RestartAsync();
            output.WriteLine($"Start to ready: {runtime.Host.LastStartToReady.TotalMilliseconds:0} ms");
        }
    }
}
