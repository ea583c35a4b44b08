namespace Fulcrum.Data.Schema;

/// <summary>
/// The few places where DuckDB and PostgreSQL SQL differ. Queries are written once, in DuckDB's spelling of the common
/// subset; <see cref="Adapt"/> rewrites the handful of DuckDB-only forms for PostgreSQL (see <see cref="PostgresSqlAdapter"/>).
/// </summary>
public sealed record SqlDialect(string Name, string JsonType, string JsonMergeFunction)
{
    public static readonly SqlDialect DuckDb = new("duckdb", "JSON", "json_merge_patch");
    public static readonly SqlDialect PostgreSql = new("postgresql", "JSONB", "jsonb_concat");

    public bool IsPostgres => Name == PostgreSql.Name;

    /// <summary>The binary column type (vectors): BLOB in DuckDB, BYTEA in PostgreSQL.</summary>
    public string BlobType => IsPostgres ? "BYTEA" : "BLOB";

    /// <summary>Replaces the {{JSON}} and {{BLOB}} placeholders of migration files with this store's types.</summary>
    public string Translate(string sql) =>
        Adapt(sql.Replace("{{JSON}}", JsonType, StringComparison.Ordinal).Replace("{{BLOB}}", BlobType, StringComparison.Ordinal));

    /// <summary>The statement as this store's SQL (unchanged for DuckDB).</summary>
    public string Adapt(string sql) => IsPostgres ? PostgresSqlAdapter.Adapt(sql) : sql;

    /// <summary>SQL that merges a new JSON object into an existing one (new keys win, old keys are kept).</summary>
    public string MergeJson(string existing, string incoming) =>
        $"CASE WHEN {incoming} IS NULL THEN {existing} WHEN {existing} IS NULL THEN {incoming} ELSE {JsonMergeFunction}({existing}, {incoming}) END";

    public string SqlType(FieldType type) => type switch
    {
        FieldType.Text => "VARCHAR",
        FieldType.Integer => "BIGINT",
        FieldType.Number => "DOUBLE PRECISION",
        FieldType.Boolean => "BOOLEAN",
        FieldType.Date => "DATE",
        FieldType.Timestamp => "TIMESTAMP",
        FieldType.Json => JsonType,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
