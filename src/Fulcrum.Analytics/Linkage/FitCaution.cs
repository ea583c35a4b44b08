using System.Globalization;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// The caveat a headline resting on the linkage fit must carry: a model whose point fit did not converge, or a large share
/// of bootstrap resamples that could not be refitted (intervals from the survivors alone are too narrow, or withheld).
/// </summary>
public static class FitCaution
{
    /// <summary>Share of failed resamples above which every headline on the fit says so (below it, the warnings list it).</summary>
    public const double NotableFailedShare = 0.1;

    /// <summary>The caveat in one clause, with the counts; null when the fit converged and few resamples failed.</summary>
    public static string? Of(IReadOnlyList<ModelSummary> models, int resamples, int failed)
    {
        var parts = new List<string>();
        var notConverged = models.Where(m => !m.Converged).Select(m => m.Name).ToList();
        if (notConverged.Count > 0)
            parts.Add($"the {string.Join(" and ", notConverged)} model{(notConverged.Count == 1 ? "" : "s")} did not converge, so {(notConverged.Count == 1 ? "its" : "their")} point estimates are approximate");
        if (resamples > 0 && failed > NotableFailedShare * resamples)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{failed:N0} of {resamples:N0} bootstrap resamples ({(double)failed / resamples * 100:0}%) could not be refitted, so ")
                + (LinkageBootstrap.TooManyFailed(resamples, failed) ? "the intervals are withheld"
                    : string.Create(CultureInfo.InvariantCulture, $"the intervals rest on the other {resamples - failed:N0} and may be too narrow")));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
