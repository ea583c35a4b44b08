using System.Globalization;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Store;

public sealed class ReleaseCachedMemoryTests : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"fulcrum-release-{Guid.NewGuid():N}.duckdb");

    [Fact]
    public void Releasing_evicts_the_cached_table_blocks_keeps_the_limit_and_the_data_reads_back_the_same()
    {
        using var store = FulcrumStore.Open(_path);
        store.Execute("CREATE TABLE numbers AS SELECT range AS n, md5(CAST(range AS VARCHAR)) AS digest FROM range(2000000)");
        store.Execute("CHECKPOINT");
        const string read = "SELECT CAST(COUNT(DISTINCT digest) + SUM(n) AS BIGINT) FROM numbers";
        var before = store.Scalar<long>(read);
        var limit = store.Scalar<string>("SELECT current_setting('memory_limit')");
        var cached = TableBlocks(store);
        Assert.True(cached > 32 << 20, $"reading the table should have cached its blocks ({cached:N0} bytes)");

        store.ReleaseCachedMemory();

        // Evicted down to the 16 MB the release lowers the limit to.
        Assert.InRange(TableBlocks(store), 0, 16 << 20);
        // DuckDB prints the limit rounded and reads the printed value back 0.1 unit lower: the same limit to within that, and
        // no further drift on the next release.
        var restored = store.Scalar<string>("SELECT current_setting('memory_limit')");
        Assert.Equal(limit.Split(' ')[1], restored.Split(' ')[1]);
        Assert.InRange(double.Parse(restored.Split(' ')[0], CultureInfo.InvariantCulture), double.Parse(limit.Split(' ')[0], CultureInfo.InvariantCulture) - 0.11,
            double.Parse(limit.Split(' ')[0], CultureInfo.InvariantCulture));
        store.ReleaseCachedMemory();
        Assert.Equal(restored, store.Scalar<string>("SELECT current_setting('memory_limit')"));
        Assert.Equal(before, store.Scalar<long>(read));
        Assert.Equal(2_000_000 + 1_999_999_000_000L, before);
    }

    [Fact]
    public void In_memory_stores_released_side_by_side_keep_their_data()
    {
        // An in-memory store's tables live only in the buffer pool: releasing must not push them out to spill files, and
        // two in-memory stores (test fixtures in parallel, one working directory) must never share a spill file.
        const string read = "SELECT CAST(COUNT(DISTINCT digest) + SUM(n) AS BIGINT) FROM numbers";
        var stores = Enumerable.Range(0, 3).Select(_ => FulcrumStore.Open(":memory:")).ToList();
        try
        {
            Parallel.ForEach(stores, (store, _, index) =>
            {
                store.Execute($"CREATE TABLE numbers AS SELECT range + {index} AS n, md5(CAST(range AS VARCHAR)) AS digest FROM range(1000000)");
                for (var round = 0; round < 3; round++)
                {
                    store.ReleaseCachedMemory();
                    Assert.Equal(1_000_000 + 499_999_500_000L + 1_000_000 * index, store.Scalar<long>(read));
                }
            });
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }

    static long TableBlocks(FulcrumStore store) =>
        store.Scalar<long>("SELECT CAST(COALESCE(SUM(memory_usage_bytes), 0) AS BIGINT) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'");

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + ".wal" })
            if (File.Exists(file)) File.Delete(file);
    }
}
