using System.Globalization;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Segments;

/// <summary>
/// Which groups "fell" between two periods, as every group statement says it (growth-check's "Hidden under growth", the
/// NPS overview's): one test per group with a change, so the groups are as many tests as the scan's segments and get the
/// same control — Benjamini–Hochberg q across the groups tested, a fall stated when q ≤ the false discovery rate, never
/// on the unadjusted p.
/// </summary>
public static class GroupFalls
{
    /// <summary>The false discovery rate a statement is held to unless the caller chooses another (growth-check's --fdr default).</summary>
    public const double DefaultFdr = 0.05;

    /// <summary>Each change's q across the changes with a p-value, in their order; null for a change without one (not counted).</summary>
    public static IReadOnlyList<double?> QValues(IReadOnlyList<Comparison> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var q = MultipleTesting.BenjaminiHochberg(changes.Select(c => c.PValue).ToList());
        return q.Select(v => double.IsNaN(v) ? (double?)null : v).ToList();
    }

    /// <summary>A fall that survives the false-discovery-rate control at <paramref name="fdr"/>.</summary>
    public static bool Fell(Comparison change, double? q, double fdr) => q <= fdr && change.Difference.Value < 0;

    /// <summary>A q-value as the statements give it: "= 0.012", or "&lt; 0.001".</summary>
    public static string Q(double q) => q < 0.001 ? "< 0.001" : "= " + q.ToString("0.###", CultureInfo.InvariantCulture);
}
