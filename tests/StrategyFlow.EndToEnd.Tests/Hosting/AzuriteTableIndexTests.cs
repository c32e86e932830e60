using Azure.Data.Tables;

namespace StrategyFlow.EndToEnd.Tests.Hosting;

/// <summary>
/// scripts/azurite-table-index.cjs, which every Azurite the tests, the bench and scripts/run.sh start preloads into the
/// table service: it must load against the installed Azurite, replace the query it means to, and return exactly what
/// Azurite as shipped returns, for the queries it narrows and for those it leaves alone.
/// </summary>
public sealed class AzuriteTableIndexTests
{
    // Narrowed to one partition: the key alone, and-ed with a row range or a property, on either side of `eq`.
    // Left as shipped: an `or` of partitions, a `not`, a range of partitions, no filter at all.
    public static TheoryData<string?> Filters { get; } =
    [
        "PartitionKey eq 'b'",
        "(PartitionKey eq 'b') and (RowKey ge '03')",
        "RowKey lt '05' and 'c' eq PartitionKey and Stage eq 2",
        "PartitionKey eq 'missing'",
        "PartitionKey eq 'a' or PartitionKey eq 'c'",
        "not (PartitionKey eq 'b')",
        "PartitionKey ge 'b'",
        null,
    ];

    [Fact]
    public async Task TableIndex_InstalledAzurite_LoadsAndReplacesTheEntityQuery()
    {
        const string Check = """
            const store = require(require("node:path").join(process.cwd(), "node_modules/azurite/dist/src/table/persistence/LokiTableMetadataStore.js")).default;
            process.exit(store.prototype.queryTableEntities.toString().includes("partitionKey") ? 0 : 3);
            """;
        using var node = ChildProcess.Start("node", ["--require", RepositoryPaths.AzuriteTableIndex, "-e", Check], new Dictionary<string, string?>(), RepositoryPaths.Root);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.WaitForExitAsync(deadline.Token);

        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}:\n{node.Output}");
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TableIndex_Query_ReturnsWhatAzuriteAsShippedReturnsPageByPage(string? filter)
    {
        using var shipped = await AzuriteServer.StartAsync(location: null, preloads: AzuritePreloads.None);
        using var indexed = await AzuriteServer.StartAsync(location: null, preloads: AzuritePreloads.TableIndex);

        var expected = await QueryAsync(await FilledTableAsync(shipped), filter);
        var actual = await QueryAsync(await FilledTableAsync(indexed), filter);

        Assert.NotEmpty(expected.Pages);
        Assert.Equal(expected.Pages, actual.Pages);
        Assert.Equal(expected.Rows, actual.Rows);
    }

    [Fact]
    public async Task TableIndex_EntitiesChangedAfterInsert_AreFoundWhereTheyAreNow()
    {
        using var indexed = await AzuriteServer.StartAsync(location: null, preloads: AzuritePreloads.TableIndex);
        var table = await FilledTableAsync(indexed);

        await table.DeleteEntityAsync("b", "02");
        await table.UpsertEntityAsync(new TableEntity("b", "99") { ["Stage"] = 7 });
        await table.UpdateEntityAsync(new TableEntity("b", "03") { ["Stage"] = 8 }, Azure.ETag.All, TableUpdateMode.Replace);

        var rows = (await QueryAsync(table, "PartitionKey eq 'b'")).Rows;

        Assert.Equal(["b/00:0", "b/01:1", "b/03:8", "b/04:1", "b/05:2", "b/99:7"], rows);
    }

    // Three partitions of six rows, inserted out of order so the index and the sort both matter.
    private static async Task<TableClient> FilledTableAsync(AzuriteServer azurite)
    {
        var table = new TableClient(azurite.ConnectionString, "IndexCheck");
        await table.CreateIfNotExistsAsync();
        foreach (var row in new[] { 5, 1, 3, 0, 4, 2 })
        {
            foreach (var partition in new[] { "c", "a", "b" })
            {
                await table.AddEntityAsync(new TableEntity(partition, $"{row:00}") { ["Stage"] = row % 3 });
            }
        }
        return table;
    }

    // Rows as "partition/row:stage", two to a page so the continuation tokens are exercised too.
    private static async Task<(IReadOnlyList<int> Pages, IReadOnlyList<string> Rows)> QueryAsync(TableClient table, string? filter)
    {
        List<int> pages = [];
        List<string> rows = [];
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 2).AsPages())
        {
            pages.Add(page.Values.Count);
            rows.AddRange(page.Values.Select(e => $"{e.PartitionKey}/{e.RowKey}:{e.GetInt32("Stage")}"));
        }
        return (pages, rows);
    }
}
