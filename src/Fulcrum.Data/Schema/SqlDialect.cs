namespace Fulcrum.Data.Schema;

/// <summary>
/// The few places where DuckDB and PostgreSQL SQL differ. Everything else in the store layer is
/// written in the common subset, so adding the PostgreSQL backend means adding a dialect, not rewriting SQL.
/// </summary>
public sealed record SqlDialect(string Name, string JsonType, string JsonMergeFunction)
{
    public static readonly SqlDialect DuckDb = new("duckdb", "JSON", "json_merge_patch");
    public static readonly SqlDialect PostgreSql = new("postgresql", "JSONB", "jsonb_concat");

    /// <summary>The binary column type (vectors): BLOB in DuckDB, BYTEA in PostgreSQL.</summary>
    public string BlobType => Name == "postgresql" ? "BYTEA" : "BLOB";

    /// <summary>Replaces the {{JSON}} and {{BLOB}} placeholders of migration files with this store's types.</summary>
    public string Translate(string sql) =>
        sql.Replace("{{JSON}}", JsonType, StringComparison.Ordinal).Replace("{{BLOB}}", BlobType, StringComparison.Ordinal);

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
