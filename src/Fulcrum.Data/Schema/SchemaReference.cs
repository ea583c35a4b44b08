using System.Globalization;
using System.Text;

namespace Fulcrum.Data.Schema;

/// <summary>
/// The canonical tables' fields as Markdown, generated from <see cref="CanonicalSchema"/> so docs/mapping.md cannot
/// drift from what import validates (a test compares the two).
/// </summary>
public static class SchemaReference
{
    public const string BeginMarker = "<!-- canonical fields: generated from CanonicalSchema, do not edit by hand -->";
    public const string EndMarker = "<!-- end of canonical fields -->";

    public static string Markdown()
    {
        var text = new StringBuilder();
        foreach (var table in CanonicalSchema.Tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"### `{table.Name}`: {table.Description}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"Key: {string.Join(" + ", table.Key.Select(k => $"`{k}`"))}.");
            if (table.Aliases.Count > 0) text.Append(CultureInfo.InvariantCulture, $" Also accepted as: {string.Join(", ", table.Aliases.Select(a => $"`{a}`"))}.");
            foreach (var reference in table.References)
                text.Append(CultureInfo.InvariantCulture, $" `{reference.Field}` must name a row of `{reference.Table}`.");
            text.Append("\n\n| field | type | required | rule | meaning |\n|---|---|---|---|---|\n");
            foreach (var field in table.Fields)
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{field.Name}` | {TypeName(field.Type)} | {(field.Required ? "yes" : "")} | {Rule(field)} | {field.Description} |\n");
            text.Append('\n');
        }
        return text.ToString();
    }

    static string TypeName(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Integer => "whole number",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.Timestamp => "timestamp",
        FieldType.Json => "JSON object",
        _ => type.ToString(),
    };

    static string Rule(FieldDefinition field)
    {
        if (field.AllowedValues is { Count: > 0 } values) return "one of " + string.Join(", ", values);
        var range = (field.Min, field.Max) switch
        {
            ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min:0.##}–{max:0.##}"),
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"≥ {min:0.##}"),
            (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"≤ {max:0.##}"),
            _ => "",
        };
        return field.ScaleDeclaredByMapping ? $"{range} unless the mapping declares its scale" : range;
    }
}
