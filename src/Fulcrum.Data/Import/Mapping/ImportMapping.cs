using Fulcrum.Data.Import.Expressions;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Import.Mapping;

/// <summary>
/// How one source file (plus optional joined files) maps onto canonical tables.
/// Loaded from YAML or JSON by <see cref="MappingLoader"/>, or built for a plain file by <see cref="IdentityMapping"/>.
/// </summary>
public sealed record ImportMapping(
    string? Name,
    string? MappingFile,
    SourceOptions Source,
    IReadOnlyList<JoinSpec> Joins,
    IReadOnlyDictionary<string, string> Constants,
    IReadOnlyDictionary<string, Scale> Scales,
    IReadOnlyList<TableMapping> Tables)
{
    /// <summary>Every source column the mapping reads (for checking the file's header before reading it).</summary>
    public IEnumerable<string> ReferencedColumns =>
        Tables.SelectMany(t => t.ReferencedColumns).Concat(Joins.Select(j => j.On)).Distinct(StringComparer.Ordinal);
}

/// <summary>The declared range of a score (e.g. CSAT 1–10 in a source that uses a 10-point scale).</summary>
/// <param name="Line">The mapping file's line that declares it (0 when not declared by a mapping file).</param>
public readonly record struct Scale(double Min, double Max, int Line = 0)
{
    /// <summary>Same range, wherever declared.</summary>
    public bool SameRange(Scale other) => Min == other.Min && Max == other.Max;

    /// <summary>"1–5", "0–10".</summary>
    public override string ToString() =>
        $"{Min.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}–{Max.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Another file joined to each source row by a key column (left join; the key must be unique in that file).</summary>
public sealed record JoinSpec(string File, string On, SourceOptions Options, int Line);

/// <summary>One block of rows for one canonical table. Several blocks may feed the same table.</summary>
/// <param name="Where">Rows for which this is false are not mapped into this table (counted as filtered).</param>
/// <param name="Repeat">How many rows each source row yields (e.g. one per referral); <c>{#}</c> in templates is the 1-based index.</param>
/// <param name="Distinct">The source repeats the same row by design (e.g. an airline on every tweet): identical repeats collapse, conflicting ones are rejected.</param>
/// <param name="GroupBy">Canonical fields whose equal values fold several source rows into one row (e.g. payment rows into one order);
/// every other field then takes its <see cref="FieldSpec.Aggregate"/>, or must agree across the group. Empty: no folding.</param>
/// <param name="ColumnUses">Where in the mapping file each source column is read (empty for a mapping not read from a file).</param>
public sealed record TableMapping(
    TableDefinition Table,
    IReadOnlyList<FieldSpec> Fields,
    MappingExpression? Where,
    MappingExpression? Repeat,
    bool Distinct,
    int Line,
    IReadOnlyList<string>? GroupBy = null,
    IReadOnlyList<ColumnUse>? ColumnUses = null)
{
    public bool Groups => GroupBy is { Count: > 0 };

    public IEnumerable<string> ReferencedColumns =>
        Fields.SelectMany(f => f.ReferencedColumns)
            .Concat(Where?.ColumnReferences ?? [])
            .Concat(Repeat?.ColumnReferences ?? []);
}

public enum FieldSourceKind { Column, Constant, Expression, Template, Attributes }

/// <summary>How a field folds the rows of a group (<see cref="TableMapping.GroupBy"/>). Empty values are skipped by every aggregate.</summary>
public enum Aggregate
{
    /// <summary>No aggregate: every row of the group must give the same value.</summary>
    None,
    Sum,
    /// <summary>The number of rows whose source value is not empty.</summary>
    Count,
    Min,
    Max,
    /// <summary>The first non-empty value in file order.</summary>
    First,
    /// <summary>The last non-empty value in file order.</summary>
    Last,
}

/// <summary>Where one canonical field's value comes from, and how it is cleaned on the way.</summary>
/// <param name="ValueMap">Source text → canonical text (e.g. "Yes" → "churn"), matched case-insensitively after trimming.</param>
/// <param name="MapDefault">Used for source values missing from <paramref name="ValueMap"/>; without it such values are rejected.</param>
/// <param name="Default">Used when the source value is empty.</param>
/// <param name="Format">.NET date/time format(s) for parsing, separated by '|'.</param>
/// <param name="AttributeColumns">For the attributes field: source columns gathered into a JSON object.</param>
/// <param name="Aggregate">How the field folds a group's rows when its table has <c>group_by</c>.</param>
public sealed record FieldSpec(
    FieldDefinition Field,
    FieldSourceKind Kind,
    string? Column = null,
    string? Constant = null,
    MappingExpression? Expression = null,
    Template? Template = null,
    IReadOnlyDictionary<string, string>? ValueMap = null,
    string? MapDefault = null,
    string? Default = null,
    string? Format = null,
    IReadOnlyList<string>? AttributeColumns = null,
    int Line = 0,
    Aggregate Aggregate = Aggregate.None,
    IReadOnlyList<ComputedAttribute>? Computed = null)
{
    public IEnumerable<string> ReferencedColumns => Kind switch
    {
        FieldSourceKind.Column => [Column!],
        FieldSourceKind.Expression => Expression!.ColumnReferences,
        FieldSourceKind.Template => Template!.ColumnReferences,
        FieldSourceKind.Attributes => AttributeColumns!.Concat((Computed ?? []).SelectMany(c => c.Expression.ColumnReferences)).Distinct(StringComparer.Ordinal),
        _ => [],
    };

    /// <summary>The source column a reject should name, where there is one.</summary>
    public string? PrimaryColumn => ReferencedColumns.FirstOrDefault();
}

/// <summary>An attribute computed per row by an expression (e.g. <c>days_late: days([delivered], [estimated])</c>), kept in <c>attributes</c>.</summary>
public sealed record ComputedAttribute(string Name, MappingExpression Expression);
