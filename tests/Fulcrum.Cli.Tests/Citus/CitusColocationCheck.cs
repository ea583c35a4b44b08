using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Fulcrum.Data.Store;
using Npgsql;

namespace Fulcrum.Cli.Tests.Citus;

/// <summary>One statement as checked: its SQL, and what breaks co-location in its plan (empty when none).</summary>
sealed record CheckedStatement(string Sql, IReadOnlyList<string> Violations, IReadOnlyList<string> LocalTables);

/// <summary>
/// Sees each statement a PostgreSQL store is about to run (<see cref="FulcrumStore.ObserveStatements"/>), plans it with
/// EXPLAIN on the same connection and transaction (so temporary and just-built fact tables exist) and walks the plan with
/// <see cref="CitusPlanRules"/> under the distribution <c>fulcrum store distribute</c> would apply. Fact tables
/// (facts_*) with an account_id are taken as distributed too: on Citus they are built per account like the tables
/// they come from (docs/scale.md).
/// </summary>
sealed partial class CitusColocationCheck(IReadOnlyList<TablePlacement> plan)
{
    readonly Dictionary<string, Placement> _placements = plan.ToDictionary(p => p.Table, p => p.Role switch
    {
        DistributionRole.Distributed => Placement.Distributed,
        DistributionRole.Reference => Placement.Recurring,
        _ => Placement.Local,
    }, StringComparer.Ordinal);

    public List<CheckedStatement> Checked { get; } = [];
    public List<string> Skipped { get; } = [];

    // Analyses read on several connections at once (e.g. the linkage's service history); checks are made one at a time.
    readonly Lock _gate = new();

    public void Observe(FulcrumStore.Statement statement)
    {
        lock (_gate) Check(statement);
    }

    void Check(FulcrumStore.Statement statement)
    {
        if (!statement.Store.Dialect.IsPostgres) return;
        if (Explainable(statement.Sql) is not { } query)
        {
            Skipped.Add(statement.Sql);
            return;
        }
        var connection = (NpgsqlConnection)statement.Store.Connection;
        var transaction = (NpgsqlTransaction?)statement.Transaction;
        transaction?.Save("colocation_check");
        try
        {
            // Parallel plans split aggregates into partial/finalize pairs; the rules read the plain plan.
            connection.Execute("SET max_parallel_workers_per_gather = 0", transaction: transaction);
            var json = connection.ExecuteScalar<string>("EXPLAIN (VERBOSE, FORMAT JSON) " + query, statement.Parameters, transaction)!;
            var root = (JsonObject)JsonNode.Parse(json)!.AsArray()[0]!["Plan"]!;
            var rules = new CitusPlanRules(table => PlacementOf(connection, transaction, table));
            rules.Walk(root);
            Checked.Add(new CheckedStatement(statement.Sql, rules.Violations, [.. rules.LocalTables]));
        }
        catch (PostgresException e)
        {
            Checked.Add(new CheckedStatement(statement.Sql, [$"could not be planned: {e.MessageText}"], []));
        }
        finally { transaction?.Rollback("colocation_check"); }
    }

    Placement PlacementOf(NpgsqlConnection connection, NpgsqlTransaction? transaction, string table)
    {
        if (_placements.TryGetValue(table, out var known)) return known;
        var placement = table.StartsWith("facts_", StringComparison.Ordinal) && connection.ExecuteScalar<long>(
                "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = @table AND column_name = 'account_id'", new { table }, transaction) > 0
            ? Placement.Distributed
            : Placement.Local;
        return _placements[table] = placement;
    }

    /// <summary>The part of a statement EXPLAIN can plan (the query of a CREATE TABLE … AS), or null for DDL and the like.</summary>
    static string? Explainable(string sql)
    {
        var text = DropFirst().Replace(sql.Trim(), "");
        if (CreateAs().Match(text) is { Success: true } create) return text[create.Length..];
        return QueryStart().IsMatch(text) ? text : null;
    }

    [GeneratedRegex(@"^DROP TABLE IF EXISTS [^;]+;\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DropFirst();

    [GeneratedRegex(@"^CREATE (?:TEMP |TEMPORARY )?TABLE [\w""]+ AS\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CreateAs();

    [GeneratedRegex(@"^\(*\s*(?:SELECT|WITH|INSERT|UPDATE|DELETE|VALUES)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QueryStart();
}
