namespace Fulcrum.Data.Schema;

/// <summary>A reference from a field to the key of another canonical table (checked on import).</summary>
public sealed record TableReference(string Field, string Table, string TargetField);

/// <summary>A canonical table: its fields, natural key and references.</summary>
public sealed record TableDefinition(
    string Name,
    string Description,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<string> Key,
    IReadOnlyList<TableReference> References,
    IReadOnlyList<string> Aliases)
{
    public FieldDefinition? FindField(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public FieldDefinition Field(string name) =>
        FindField(name) ?? throw new ArgumentException($"Table '{Name}' has no field '{name}'.", nameof(name));

    public bool IsKey(string field) => Key.Contains(field, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The primary key in the database. For a table whose rows belong to one account (required account_id) it starts
    /// with account_id, so the table can be distributed by account on Citus (a unique key must include the distribution
    /// column; migration 0013). The natural <see cref="Key"/> still identifies a record: a re-import that changes its
    /// account moves it (<see cref="Import.AccountMove"/>).
    /// </summary>
    public IReadOnlyList<string> StorageKey =>
        MovesBetweenAccounts ? ["account_id", .. Key] : Key;

    /// <summary>Whether the natural key leaves out the (required) account, so the account of a record can change.</summary>
    public bool MovesBetweenAccounts =>
        FindField("account_id") is { Required: true } && !IsKey("account_id");

    public bool HasAttributes => FindField("attributes") is not null;
}
