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

    public bool HasAttributes => FindField("attributes") is not null;
}
