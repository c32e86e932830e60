namespace StrategyFlow.LocalHost.DurableRuntime;

/// <summary>
/// <c>LocalHost:Durable</c>: the local Durable Task runtime. The defaults answer the pitfalls in docs/architecture.md ("The local runtime");
/// override any of them with configuration, e.g. <c>LocalHost__Durable__MaxQueuePollingInterval=00:00:02</c>.
/// </summary>
public sealed class DurableRuntimeOptions
{
    public const string SectionName = "LocalHost:Durable";

    /// <summary>
    /// <see cref="DurableBackend.AzureStorage"/> (Azurite locally; what Durable Functions uses on Azure) or
    /// <see cref="DurableBackend.Memory"/>: nothing survives a restart, for measuring the engine's own limit.
    /// </summary>
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>
    /// Control-queue partitions; each one is polled, idle or not. Durable Functions defaults to 4 so that
    /// several workers can share a hub; one local worker needs one: fewer idle and per-strategy storage
    /// operations at the same throughput (docs/benchmarks.md, "Partitions"). A task hub keeps the count it was created with.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>
    /// Activities run at once (the backend's default; the sidecar sleeps 500 ms whenever all slots are
    /// busy). More slots only moved the wait from the activities to the orchestrations and cost storage
    /// operations (docs/benchmarks.md, "More activity slots").
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>Orchestration episodes run at once (the backend's default).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Same task hub as host.json, so both hosts read the same instances.</summary>
    public string TaskHubName { get; set; } = "StrategyFlow";

    /// <summary>Stable across restarts: a new id would wait up to 30 s for the old one's partition leases.</summary>
    public string WorkerId { get; set; } = "strategyflow-local";

    /// <summary>
    /// The longest wait between polls of an empty queue. The default 30 s makes events wait; 250 ms shortens
    /// the wait from last answer to review request for a few more idle storage requests, which cost nothing
    /// on Azurite (docs/benchmarks.md, "Queue polling").
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long an activity's queue message stays hidden without a renewal. The host renews the lock of every
    /// running activity every third of this, so it bounds how long an activity a killed host was running waits
    /// before it runs again, not how long an activity may take.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an orchestration message a crashed host had taken stays hidden before it is retried.
    /// Episodes take milliseconds here, so 20 s (the backend's default is 5 min) brings an answer
    /// acknowledged just before a crash back soon after the restart.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Loopback port of the gRPC sidecar (HTTP/2 only); 0 picks a free one at start.</summary>
    public int SidecarPort { get; set; }

    /// <summary>How long shutdown may wait for the worker to stop and the partition leases to be released.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long start-up waits for storage and the sidecar before the host gives up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Where the local durable runtime keeps orchestration state.</summary>
public enum DurableBackend
{
    AzureStorage,
    Memory,
}
