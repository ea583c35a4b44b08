using System.Data.Common;

namespace Fulcrum.Data.Store;

/// <summary>How many rows a <see cref="TableSync"/> inserted, updated and deleted.</summary>
public readonly record struct TableChanges(long Inserted, long Updated, long Deleted)
{
    /// <summary>Rows written in all (0: the table already held exactly these rows).</summary>
    public long Written => Inserted + Updated + Deleted;

    public override string ToString() => $"{Inserted:N0} inserted, {Updated:N0} updated, {Deleted:N0} deleted";
}

/// <summary>
/// Makes a table hold exactly a given set of rows while writing only the difference. The rows go by the bulk path into a
/// temporary staging table; then three set-based statements delete the rows whose key is gone, update the rows whose values
/// changed and insert the new keys. Unchanged rows are not touched, so re-running an analysis on unchanged data writes
/// nothing (a delete-and-reinsert of every row made each re-run cost as much as the first, and held one long commit).
/// The same SQL runs on DuckDB and PostgreSQL. An empty table whose columns are the key then the values (a first run) gets
/// the rows by the bulk path directly, inside the transaction: no staging copy and no difference to compute, which at a
/// million rows held a few hundred MB of the database's memory.
/// </summary>
/// <remarks>
/// Values are compared exactly (IS DISTINCT FROM, so NULLs compare as values): a double that was recomputed bit for bit is
/// unchanged. Stage every table first, then <see cref="Apply"/> them in one transaction so readers see all or nothing.
/// The rows must be unique by key; the table then stays so without a primary key of its own (whose index cost more than the
/// rows' writing), because on PostgreSQL <see cref="Apply"/> locks the table against other writers until the commit.
/// </remarks>
public sealed class TableSync : IDisposable
{
    readonly FulcrumStore _store;
    readonly string _table;
    readonly IReadOnlyList<string> _key;
    readonly IReadOnlyList<string> _values;
    readonly Action<BulkWriter> _write;
    readonly string _staging;
    bool _staged;
    bool _dropped;

    TableSync(FulcrumStore store, string table, IReadOnlyList<string> key, IReadOnlyList<string> values, Action<BulkWriter> write)
    {
        _store = store;
        _table = table;
        _key = key;
        _values = values;
        _write = write;
        _staging = $"sync_{table}_{Guid.NewGuid():N}"[..40];
    }

    /// <summary>
    /// Stages the rows that <paramref name="table"/> should hold: <paramref name="write"/> gets a writer whose rows are the
    /// <paramref name="key"/> columns then the <paramref name="values"/> columns, in that order. No row of the table is
    /// written until <see cref="Apply"/>. While the table is empty nothing is staged: <see cref="Apply"/> calls
    /// <paramref name="write"/> then (so it must write the same rows whenever it is called).
    /// </summary>
    public static TableSync Stage(FulcrumStore store, string table, IReadOnlyList<string> key, IReadOnlyList<string> values, Action<BulkWriter> write)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(write);
        if (key.Count == 0) throw new ArgumentException("A table sync needs the key columns that identify a row.", nameof(key));
        var sync = new TableSync(store, table, key, values, write);
        if (sync.CanInsertDirectly()) return sync;
        try
        {
            sync.StageRows();
            return sync;
        }
        catch
        {
            sync.Dispose();
            throw;
        }
    }

    void StageRows(DbTransaction? transaction = null)
    {
        // The table's own column types, no constraints: a staged row is checked when it reaches the table.
        _store.Execute($"CREATE TEMP TABLE {_staging} AS SELECT {Columns(_key.Concat(_values))} FROM {FulcrumStore.Quote(_table)} WHERE 1 = 0", transaction: transaction);
        _staged = true;
        using (var writer = _store.BulkWriter(_staging)) _write(writer);
        // Without statistics PostgreSQL guesses a temp table's size and may pick a nested loop over a million rows.
        if (_store.Dialect.IsPostgres) _store.Execute($"ANALYZE {_staging}", transaction: transaction);
    }

    /// <summary>The table is empty and its columns are exactly the key then the values, in order (what a bulk writer fills).</summary>
    bool CanInsertDirectly(DbTransaction? transaction = null)
    {
        var table = FulcrumStore.Quote(_table);
        if (_store.Scalar<bool>($"SELECT EXISTS (SELECT 1 FROM {table})", transaction: transaction)) return false;
        using var reader = _store.ExecuteReader($"SELECT * FROM {table} WHERE 1 = 0", transaction: transaction);
        var expected = _key.Concat(_values).ToList();
        return reader.FieldCount == expected.Count
               && Enumerable.Range(0, expected.Count).All(i => string.Equals(reader.GetName(i), expected[i], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Writes the difference between the staged rows and the table, inside <paramref name="transaction"/>.</summary>
    public TableChanges Apply(DbTransaction transaction)
    {
        var table = FulcrumStore.Quote(_table);
        // Two writers that both found the table empty (or a key missing) would both insert; the second now waits for the first.
        if (_store.Dialect.IsPostgres) _store.Execute($"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);
        if (!_staged)
        {
            // Checked again inside the transaction: another writer may have filled the table since Stage.
            if (CanInsertDirectly(transaction))
            {
                using (var writer = _store.BulkWriter(_table)) _write(writer);
                return new TableChanges(_store.Scalar<long>($"SELECT COUNT(*) FROM {table}", transaction: transaction), 0, 0);
            }
            StageRows(transaction);
        }
        string Match(string left, string right) => string.Join(" AND ", _key.Select(k => $"{left}.{FulcrumStore.Quote(k)} = {right}.{FulcrumStore.Quote(k)}"));

        long deleted = _store.Execute($"""
            DELETE FROM {table}
            WHERE NOT EXISTS (SELECT 1 FROM {_staging} s WHERE {Match("s", table)})
            """, transaction: transaction);
        long updated = _values.Count == 0 ? 0 : _store.Execute($"""
            UPDATE {table} SET {string.Join(", ", _values.Select(v => $"{FulcrumStore.Quote(v)} = s.{FulcrumStore.Quote(v)}"))}
            FROM {_staging} s
            WHERE {Match(table, "s")}
              AND ({string.Join(" OR ", _values.Select(v => $"{table}.{FulcrumStore.Quote(v)} IS DISTINCT FROM s.{FulcrumStore.Quote(v)}"))})
            """, transaction: transaction);
        var columns = Columns(_key.Concat(_values));
        long inserted = _store.Execute($"""
            INSERT INTO {table} ({columns})
            SELECT {columns} FROM {_staging} s
            WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {Match(table, "s")})
            """, transaction: transaction);
        return new TableChanges(inserted, updated, deleted);
    }

    static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(FulcrumStore.Quote));

    public void Dispose()
    {
        if (_dropped) return;
        _dropped = true;
        if (_staged) _store.Execute($"DROP TABLE IF EXISTS {_staging}");
    }
}
