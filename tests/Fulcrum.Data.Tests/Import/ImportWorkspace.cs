using System.Globalization;
using System.Text;
using Fulcrum.Data.Import;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Import;

/// <summary>
/// A per-test temporary directory with a file-backed store in it: write fixture files, run imports,
/// read back table contents. Disposing closes the store and deletes the directory.
/// </summary>
internal sealed class ImportWorkspace : IDisposable
{
    /// <summary>Tables whose contents the import may change (canonical + bookkeeping).</summary>
    public static readonly IReadOnlyList<string> AllTables =
        [.. CanonicalSchema.Tables.Select(t => t.Name), "import_runs", "import_rejects"];

    /// <param name="persistent">Keep the store in a file in the directory (needed by <see cref="Reopen"/>);
    /// otherwise it is in memory, which is faster (no fsync per commit).</param>
    /// <param name="backend">PostgreSQL: a fresh database in the test cluster (always persistent).</param>
    public ImportWorkspace(bool persistent = false, StoreBackend backend = StoreBackend.DuckDb)
    {
        Directory = Path.Combine(Path.GetTempPath(), "fulcrum-import-tests", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        StorePath = backend == StoreBackend.PostgreSql ? PostgresCluster.Instance.CreateDatabase("fulcrum_import")
            : persistent ? Path.Combine(Directory, "fulcrum.duckdb") : ":memory:";
        Store = !persistent && Pool.TryTake(out var pooled) ? pooled : FulcrumStore.Open(StorePath);
    }

    /// <summary>
    /// Emptied in-memory stores, reused because opening one (DuckDB start + migrations) costs more than most tests.
    /// A store goes back only if <see cref="FulcrumStore.Clear"/> leaves it exactly as freshly opened.
    /// </summary>
    static readonly System.Collections.Concurrent.ConcurrentBag<FulcrumStore> Pool = [];
    const int PoolLimit = 4;

    public string Directory { get; }
    public string StorePath { get; }
    public FulcrumStore Store { get; private set; }

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM), exactly as given; returns the full path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes lines joined by LF, with a trailing LF; returns the full path.</summary>
    public string WriteLines(string name, params string[] lines) => Write(name, string.Join("\n", lines) + "\n");

    public string PathOf(string name) => Path.Combine(Directory, name);

    public ImportResult Import(string table, string file, string? mapping = null, bool dryRun = false, bool skipInvalid = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellation = default) =>
        new Importer(Store).Run(new ImportRequest(table, file, mapping, dryRun, skipInvalid), progress, cancellation);

    /// <summary>Imports accounts with the given ids (name = "Name of {id}") through the normal importer.</summary>
    public void SeedAccounts(params string[] ids)
    {
        var file = WriteLines($"seed-accounts-{Guid.NewGuid():N}.csv", ["account_id,name", .. ids.Select(id => $"{id},Name of {id}")]);
        var result = Import("accounts", file);
        Assert.True(result.Status == ImportStatus.Committed, "seeding accounts failed: " + string.Join("; ", result.Rejects));
    }

    public long Count(string table) => Store.Count(table);

    public T Scalar<T>(string sql, object? parameters = null) => Store.Scalar<T>(sql, parameters);

    /// <summary>Row counts of every canonical and bookkeeping table.</summary>
    public IReadOnlyDictionary<string, long> Counts() => AllTables.ToDictionary(t => t, Count);

    /// <summary>Every row of <paramref name="table"/> as "column=value | ..." text, ordered by its key.</summary>
    public IReadOnlyList<string> Rows(string table, string? orderBy = null)
    {
        orderBy ??= CanonicalSchema.Find(table) is { } definition
            ? string.Join(", ", definition.Key.Select(FulcrumStore.Quote))
            : table switch { "import_rejects" => "import_id, seq", _ => "1" };
        using var command = Store.Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
                cells[i] = $"{reader.GetName(i)}={Format(reader.IsDBNull(i) ? null : reader.GetValue(i))}";
            rows.Add(string.Join(" | ", cells));
        }
        return rows;
    }

    /// <summary>Full contents of every table the import may touch, for before/after comparisons.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot() => AllTables.ToDictionary(t => t, t => Rows(t));

    /// <summary>Closes and reopens the store file, to check what was really persisted.</summary>
    public void Reopen()
    {
        if (StorePath == ":memory:") throw new InvalidOperationException("Reopen needs a persistent workspace.");
        Store.Dispose();
        Store = FulcrumStore.Open(StorePath);
    }

    bool TryReturnToPool()
    {
        if (StorePath != ":memory:" || Pool.Count >= PoolLimit) return false;
        try
        {
            Store.Clear();
            var leftovers = AllTables.Where(t => t != CanonicalSchema.Assumptions.Name).Sum(Count)
                            + Count("store_metadata") + Count("ground_truth")
                            + Scalar<long>("SELECT COUNT(*) FROM duckdb_tables() WHERE temporary");
            if (leftovers != 0 || Count(CanonicalSchema.Assumptions.Name) != Data.Store.DefaultAssumptions.All.Count) return false;
            Pool.Add(Store);
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "∅",
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        if (!TryReturnToPool()) Store.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* best effort: temp files */ }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Assertions on import results.</summary>
internal static class ImportAssert
{
    /// <summary>Asserts the result holds exactly one reject and that it names file, line, column, value and reason.</summary>
    public static Reject SingleReject(ImportResult result, string file, long? line, string? column, string? value, string reasonContains)
    {
        var reject = Assert.Single(result.Rejects);
        AssertReject(reject, file, line, column, value, reasonContains);
        return reject;
    }

    public static void AssertReject(Reject reject, string file, long? line, string? column, string? value, string reasonContains)
    {
        Assert.Equal(file, reject.File);
        Assert.Equal(line, reject.Line);
        Assert.Equal(column, reject.Column);
        Assert.Equal(value, reject.Value);
        Assert.Contains(reasonContains, reject.Reason, StringComparison.Ordinal);
    }

    public static void Committed(ImportResult result) =>
        Assert.True(result.Status == ImportStatus.Committed,
            $"expected a committed import, got {result.Status}: {string.Join("; ", result.Rejects.Take(5))}");

    public static TableImportStats Table(ImportResult result, string table) => Assert.Single(result.Tables, t => t.Table == table);
}
