using Azure.Data.Tables;

namespace StrategyFlow.Bench.Storage;

/// <summary>Reads the Durable Task Azure Storage history table (<c>{TaskHub}History</c>) straight from Azurite.</summary>
public static class HistoryTable
{
    /// <summary>History events of every instance (orchestrations and sub-orchestrations); sentinel rows are not events.</summary>
    public static async Task<long> CountEventsAsync(string azuriteConnectionString, string taskHub)
    {
        var table = new TableClient(azuriteConnectionString, taskHub + "History");
        long events = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            if (!string.Equals(row.RowKey, "sentinel", StringComparison.Ordinal))
            {
                events++;
            }
        }
        return events;
    }
}
