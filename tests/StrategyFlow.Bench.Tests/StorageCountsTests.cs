using StrategyFlow.Bench.Storage;

namespace StrategyFlow.Bench.Tests;

public sealed class StorageCountsTests
{
    /// <summary>
    /// A strategy continues as new at every stage and the history table then keeps only its last generation: episodes are
    /// the instance-row writes, one per committed episode, whatever the history table still holds.
    /// </summary>
    [Fact]
    public void EpisodeCommits_InstanceRowWritesAmongOtherRequests_CountsOnlyThose()
    {
        var counts = new StorageCounts(new Dictionary<StorageOperation, long>
        {
            [new(StorageService.Table, "PATCH", "StrategyFlowInstances")] = 648,
            [new(StorageService.Table, "GET", "StrategyFlowInstances")] = 1774,
            [new(StorageService.Table, "POST", "$batch")] = 648,
            [new(StorageService.Table, "PATCH", "StrategyFlowPartitions")] = 3,
            [new(StorageService.Queue, "PATCH", "strategyflow-control-00")] = 5,
        });

        Assert.Equal(648, counts.EpisodeCommits);
    }
}
