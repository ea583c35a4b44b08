using System.Data.Common;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Survey;

/// <summary>
/// The scale a store's CSAT and CES are answered on (table <c>score_scales</c>, migration 0019): what a mapping declared
/// under <c>scales:</c>, else the default (CSAT 1–5, CES 1–7). One scale per metric for the whole store, so every CSAT
/// answer (responses and tickets) is read on one scale: an import declaring another scale while answers on the stored one
/// are on record is refused, since the two could not be compared. Imports and the web intake refuse values outside it;
/// the closed loop, repeat purchase, metric intervals and driver performance read it.
/// </summary>
public static class ScoreScales
{
    /// <summary>The metrics whose scale a source may declare (NPS is always 0–10).</summary>
    public static readonly IReadOnlyList<string> Declarable = ["csat", "ces"];

    /// <summary>The scale when none was declared: CSAT 1–5, CES 1–7.</summary>
    public static Scale Default(string metric) => metric switch
    {
        "csat" => new Scale(CanonicalSchema.DefaultCsatMin, CanonicalSchema.DefaultCsatMax),
        "ces" => new Scale(CanonicalSchema.DefaultCesMin, CanonicalSchema.DefaultCesMax),
        _ => throw new ArgumentException($"'{metric}' has no declarable scale; only csat and ces do (NPS is always 0-10).", nameof(metric)),
    };

    /// <summary>A stored declaration: the scale and who declared it (a mapping file, or the answers on record at migration).</summary>
    public sealed record Declaration(string Metric, Scale Scale, string DeclaredBy, DateTime DeclaredAt);

    /// <summary>The declarations on record, by metric (a metric without one is on its default scale).</summary>
    public static IReadOnlyDictionary<string, Declaration> Declared(FulcrumStore store, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Query<(string Metric, double Min, double Max, string DeclaredBy, DateTime DeclaredAt)>(
                "SELECT metric, min_value, max_value, declared_by, declared_at FROM score_scales", transaction: transaction)
            .ToDictionary(r => r.Metric, r => new Declaration(r.Metric, new Scale(r.Min, r.Max), r.DeclaredBy, r.DeclaredAt), StringComparer.Ordinal);
    }

    /// <summary>Every declarable metric's scale with where it comes from (a declaration, else the default), as status shows them.</summary>
    public static IReadOnlyList<StoredScale> Stored(FulcrumStore store)
    {
        var declared = Declared(store);
        return Declarable.Select(m => declared.TryGetValue(m, out var d)
            ? new StoredScale(m, d.Scale.Min, d.Scale.Max, d.DeclaredBy, d.DeclaredAt)
            : new StoredScale(m, Default(m).Min, Default(m).Max, null, null)).ToList();
    }

    /// <summary>The scale <paramref name="metric"/> (csat or ces) is answered on in this store: the declared one, else the default.</summary>
    public static Scale Of(FulcrumStore store, string metric, DbTransaction? transaction = null) =>
        Declared(store, transaction).TryGetValue(metric, out var declared) ? declared.Scale : Default(metric);

    /// <summary>Every declarable metric's scale in this store (declared or default), as the import's rules take them.</summary>
    public static IReadOnlyDictionary<string, Scale> All(FulcrumStore store, DbTransaction? transaction = null)
    {
        var declared = Declared(store, transaction);
        return Declarable.ToDictionary(m => m, m => declared.TryGetValue(m, out var d) ? d.Scale : Default(m), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The scales an import checks its values against: the mapping's declarations over the store's scales. A declaration
    /// that differs from the store's scale while answers of that metric are on record is refused (nothing is read), naming
    /// the mapping's line, the store's scale and who declared it.
    /// </summary>
    /// <exception cref="ImportException">The mapping declares another scale than the one the store's answers are on.</exception>
    public static IReadOnlyDictionary<string, Scale> ForImport(FulcrumStore store, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var declared = Declared(store);
        var scales = new Dictionary<string, Scale>(All(store), StringComparer.OrdinalIgnoreCase);
        foreach (var (metric, scale) in mapping.Scales)
        {
            var name = metric.ToLowerInvariant();
            var stored = scales[name];
            if (!scale.SameRange(stored) && AnswersOnRecord(store, name) is var answers and > 0)
            {
                var by = declared.TryGetValue(name, out var d) ? $"declared by {d.DeclaredBy}" : "the default, no scale was declared";
                var where = mapping.MappingFile is null ? "The mapping" : $"{mapping.MappingFile}{(scale.Line > 0 ? $", line {scale.Line}" : "")}:";
                throw new ImportException(
                    $"{where} declares {name} on {scale}, but the store holds {answers:N0} {name.ToUpperInvariant()} answers on {stored} ({by}). " +
                    $"Answers on two scales cannot be compared: declare {name}: [{stored.Min.ToString(System.Globalization.CultureInfo.InvariantCulture)}, " +
                    $"{stored.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}] if the source uses that scale, or import into a new store.");
            }
            scales[name] = scale;
        }
        return scales;
    }

    /// <summary>
    /// Stores the mapping's declarations that are not on record yet (in the import's transaction), so re-importing with the
    /// same mapping changes nothing. <see cref="ForImport"/> has refused any that conflict with answers on record.
    /// </summary>
    public static void Record(FulcrumStore store, ImportMapping mapping, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.Scales.Count == 0) return;
        var declared = Declared(store, transaction);
        var by = mapping.MappingFile is { } file ? $"the mapping {Path.GetFileName(file)}" : "a mapping";
        foreach (var (metric, scale) in mapping.Scales)
        {
            var name = metric.ToLowerInvariant();
            if (declared.TryGetValue(name, out var existing) && existing.Scale.SameRange(scale)) continue;
            store.Execute("DELETE FROM score_scales WHERE metric = $metric", new { metric = name }, transaction);
            store.Execute("INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at) VALUES ($metric, $min, $max, $by, $at)",
                new { metric = name, min = scale.Min, max = scale.Max, by, at = DateTime.UtcNow }, transaction);
        }
    }

    /// <summary>Answers of <paramref name="metric"/> on record: responses, and for CSAT the tickets' satisfaction too.</summary>
    static long AnswersOnRecord(FulcrumStore store, string metric) => metric == "csat"
        ? store.Scalar<long>("SELECT (SELECT COUNT(csat) FROM responses) + (SELECT COUNT(csat) FROM tickets)")
        : store.Scalar<long>("SELECT COUNT(ces) FROM responses");
}

/// <summary>A metric's scale in a store and where it comes from: who declared it and when, or null for the default.</summary>
public sealed record StoredScale(string Metric, double Min, double Max, string? DeclaredBy, DateTime? DeclaredAt)
{
    /// <summary>True when a mapping (or the answers on record at migration 0019) declared it; false for the default.</summary>
    public bool Declared => DeclaredBy is not null;

    /// <summary>The scale in words: "CSAT 1–10 (declared by the mapping survey.yaml)", "CES 1–7 (default)".</summary>
    public string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Metric.ToUpperInvariant()} {Min:0.##}–{Max:0.##} ({(DeclaredBy is { } by ? $"declared by {by}" : "default")})");
}
