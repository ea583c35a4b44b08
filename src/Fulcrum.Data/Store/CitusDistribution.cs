namespace Fulcrum.Data.Store;

public enum DistributionRole { Distributed, Reference, Blocked }

/// <summary>How one table is placed on a Citus cluster, and why.</summary>
public sealed record TablePlacement(string Table, DistributionRole Role, string Reason);

/// <summary>
/// The path to Citus (distributed PostgreSQL): account-keyed tables are distributed on <c>account_id</c> and co-located
/// with <c>accounts</c>, so joins and groupings by account run on each worker; small tables become reference tables
/// (a copy on every worker). Citus requires a distributed table's primary key to include the distribution column, so
/// a table keyed by something else is reported as blocked with what it needs, rather than distributed wrongly.
/// </summary>
public static class CitusDistribution
{
    /// <summary>Derived from the store's own catalog, so a table added by a later migration is placed too.</summary>
    public static IReadOnlyList<TablePlacement> Plan(FulcrumStore store)
    {
        if (!store.Dialect.IsPostgres) throw new StoreException("Distribution is for PostgreSQL stores with the Citus extension; this store is a DuckDB file.");
        var tables = store.Query<string>("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' AND table_name NOT LIKE 'facts\_%' ESCAPE '\'
            ORDER BY table_name
            """).ToList();
        var withAccount = store.Query<(string Table, string Nullable)>(
            "SELECT table_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'account_id'")
            .ToDictionary(c => c.Table, c => c.Nullable == "NO");
        var keyed = store.Query<string>("""
            SELECT c.table_name FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
            WHERE c.table_schema = 'public' AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND k.column_name = 'account_id'
            """).ToHashSet(StringComparer.Ordinal);
        var uniqueWithout = store.Query<string>("""
            SELECT DISTINCT c.table_name FROM information_schema.table_constraints c
            WHERE c.table_schema = 'public' AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
              AND NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage k
                              WHERE k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.column_name = 'account_id')
            """).ToHashSet(StringComparer.Ordinal);
        var byResponse = store.Query<string>(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'response_id'").ToHashSet(StringComparer.Ordinal);

        return tables.Select(t => t switch
        {
            _ when withAccount.TryGetValue(t, out var required) && required && keyed.Contains(t) && !uniqueWithout.Contains(t)
                => new TablePlacement(t, DistributionRole.Distributed, "account-keyed; its key includes account_id"),
            _ when withAccount.TryGetValue(t, out var required) && required
                => new TablePlacement(t, DistributionRole.Blocked, "account-keyed, but its natural key does not include account_id: Citus needs (account_id, key) as the primary key"),
            _ when byResponse.Contains(t) && t != "responses"
                => new TablePlacement(t, DistributionRole.Blocked, "keyed by response_id, without account_id: stays on the coordinator, joined to the distributed responses by shipping its rows (docs/scale.md)"),
            _ when withAccount.ContainsKey(t)
                => new TablePlacement(t, DistributionRole.Reference, "account_id is optional (deals without a customer), so it cannot be the distribution column"),
            _ => new TablePlacement(t, DistributionRole.Reference, "small or global; a copy on every worker joins locally"),
        }).ToList();
    }

    /// <summary>Whether the server can load the Citus extension.</summary>
    public static bool CitusAvailable(FulcrumStore store) =>
        store.Scalar<long>("SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'citus'") > 0;

    /// <summary>
    /// Creates the extension and places every table that can be placed. Blocked tables stay on the coordinator, added to
    /// Citus's metadata so queries may still join them with distributed tables.
    /// </summary>
    public static void Apply(FulcrumStore store, IReadOnlyList<TablePlacement> plan)
    {
        store.Execute("CREATE EXTENSION IF NOT EXISTS citus");
        foreach (var table in plan.Where(p => p.Role == DistributionRole.Blocked))
            store.Execute("SELECT citus_add_local_table_to_metadata($table)", new { table = table.Table });
        foreach (var table in plan.Where(p => p.Role == DistributionRole.Reference))
            store.Execute("SELECT create_reference_table($table)", new { table = table.Table });
        // accounts first: the other tables are co-located with it.
        foreach (var table in plan.Where(p => p.Role == DistributionRole.Distributed).OrderBy(p => p.Table == "accounts" ? 0 : 1))
            store.Execute(table.Table == "accounts"
                ? "SELECT create_distributed_table($table, 'account_id')"
                : "SELECT create_distributed_table($table, 'account_id', colocate_with => 'accounts')", new { table = table.Table });
    }
}
