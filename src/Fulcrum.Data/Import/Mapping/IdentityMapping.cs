using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Import.Mapping;

/// <summary>
/// The mapping used when no mapping file is given: source columns named like canonical fields
/// (case, spaces, '-' and '_' ignored) map to them; every other column is kept in 'attributes'.
/// </summary>
public static class IdentityMapping
{
    public static ImportMapping For(TableDefinition table, IReadOnlyList<string> columns, string file)
    {
        var byName = columns.GroupBy(Normalize).ToDictionary(g => g.Key, g => g.First());
        var fields = new List<FieldSpec>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in table.Fields.Where(f => f.Type != FieldType.Json))
            if (byName.TryGetValue(Normalize(field.Name), out var column))
            {
                fields.Add(new FieldSpec(field, FieldSourceKind.Column, Column: column));
                used.Add(column);
            }
        var missing = table.Fields.Where(f => (f.Required || table.IsKey(f.Name)) && fields.All(s => s.Field.Name != f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
            throw new ImportException(
                $"{file} has no column for {string.Join(", ", missing)} (required in {table.Name}). Columns found: {string.Join(", ", columns)}. " +
                "Rename the columns or pass --mapping (see docs/mapping.md).");
        var rest = columns.Where(c => !used.Contains(c)).ToList();
        if (rest.Count > 0)
        {
            if (!table.HasAttributes)
                throw new ImportException(
                    $"{file}: columns {string.Join(", ", rest)} are not fields of {table.Name}, which keeps no extra attributes. Remove them or pass --mapping.");
            fields.Add(new FieldSpec(table.Field("attributes"), FieldSourceKind.Attributes, AttributeColumns: rest));
        }
        return new ImportMapping(null, null, new Sources.SourceOptions(), [], new Dictionary<string, string>(), new Dictionary<string, Scale>(),
            [new TableMapping(table, fields, null, null, false, 0)]);
    }

    static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
