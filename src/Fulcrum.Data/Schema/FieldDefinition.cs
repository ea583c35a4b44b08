namespace Fulcrum.Data.Schema;

/// <summary>One column of a canonical table, with the rules an imported value must meet.</summary>
/// <param name="Min">Inclusive lower bound for numbers; a mapping may declare its own scale instead (CSAT, CES).</param>
/// <param name="AllowedValues">Closed vocabulary for text fields (compared case-insensitively, stored lower-case).</param>
public sealed record FieldDefinition(
    string Name,
    FieldType Type,
    string Description,
    bool Required = false,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? AllowedValues = null,
    bool ScaleDeclaredByMapping = false);
