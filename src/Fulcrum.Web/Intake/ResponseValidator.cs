using System.Text.Json;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Validation;
using Fulcrum.Data.Schema;

namespace Fulcrum.Web.Intake;

/// <summary>A survey response that passed validation: one value per field of the canonical <c>responses</c> table, converted.</summary>
public sealed record ValidResponse(string ResponseId, string AccountId, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// Checks a posted survey response with the importer's own rules (<see cref="ValueConverter"/> and <see cref="FieldRules"/>
/// on the canonical <c>responses</c> fields): types, required fields, score ranges (NPS 0–10, CSAT and CES on the store's
/// scales: 1–5 and 1–7 unless a mapping declared others). Errors are per field, keyed like <c>nps</c> or <c>[3].nps</c> in a batch.
/// </summary>
public static class ResponseValidator
{
    static readonly TableDefinition Table = CanonicalSchema.Responses;

    public static IReadOnlyList<string> FieldNames => Table.Fields.Select(f => f.Name).ToList();

    /// <summary>The rules of every field, CSAT and CES on <paramref name="scales"/> (the store's, <see cref="StoreScoreScales"/>).</summary>
    public static IReadOnlyDictionary<string, (FieldDefinition Field, FieldRules Rules)> Rules(IReadOnlyDictionary<string, Scale> scales) =>
        Table.Fields.ToDictionary(f => f.Name, f => (f, new FieldRules(f, scales)), StringComparer.Ordinal);

    /// <param name="fields">The rules from <see cref="Rules"/>, built once per request.</param>
    /// <returns>The response, or null with <paramref name="errors"/> filled (field key → reasons).</returns>
    public static ValidResponse? Validate(JsonElement element, string prefix, Dictionary<string, List<string>> errors,
        IReadOnlyDictionary<string, (FieldDefinition Field, FieldRules Rules)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(errors, prefix.Length == 0 ? "$" : prefix, $"a response must be a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }
        var before = errors.Count;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.ContainsKey(property.Name))
                Add(errors, Key(prefix, property.Name), $"unknown field; fields are: {string.Join(", ", FieldNames)}");
        }
        foreach (var (name, (field, rules)) in fields)
        {
            var key = Key(prefix, name);
            object? raw = null;
            if (element.TryGetProperty(name, out var value))
            {
                if (!TryRaw(value, field, out raw, out var shapeError)) { Add(errors, key, shapeError!); continue; }
            }
            if (!ValueConverter.TryConvert(raw, field.Type, null, out var converted, out var error)) { Add(errors, key, error!); continue; }
            // The importer's rule text may suggest a mapping's 'scales'; a webhook has no mapping, so that hint is dropped.
            if (!rules.Check(ref converted, Table.Key.Contains(name), out error)) { Add(errors, key, error!.Split(" (declare")[0]); continue; }
            values[name] = converted;
        }
        if (errors.Count > before) return null;
        // The importer's rules across fields too: e.g. a response needs a score or a comment.
        if (RowRules.Check(Table.Name, values.GetValueOrDefault) is { } violated)
        {
            Add(errors, prefix.Length == 0 ? "$" : prefix, violated.Reason);
            return null;
        }
        return new ValidResponse((string)values["response_id"]!, (string)values["account_id"]!, values);
    }

    static bool TryRaw(JsonElement value, FieldDefinition field, out object? raw, out string? error)
    {
        error = null;
        raw = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null: return true;
            case JsonValueKind.String: raw = value.GetString(); return true;
            case JsonValueKind.Number:
                if (field.Type is FieldType.Text) { raw = value.GetRawText(); return true; }
                raw = value.GetDouble(); return true;
            case JsonValueKind.True or JsonValueKind.False:
                raw = value.GetBoolean(); return true;
            case JsonValueKind.Object when field.Type == FieldType.Json:
                raw = value.GetRawText(); return true;
            default:
                error = field.Type == FieldType.Json ? "must be a JSON object" : $"must be a {(field.Type is FieldType.Text or FieldType.Timestamp ? "string" : "number")}, not {value.ValueKind.ToString().ToLowerInvariant()}";
                return false;
        }
    }

    static string Key(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    public static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
        list.Add(message);
    }
}
