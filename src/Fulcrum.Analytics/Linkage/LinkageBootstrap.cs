using Fulcrum.Core.Statistics;
using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Linkage;

/// <summary>One usable bootstrap replicate as fitted: every model's coefficients and the descriptive totals of its resample.</summary>
internal sealed record ReplicateFit(LinkageCoefficients Coefficients, DescriptiveTotals Totals);

/// <summary>
/// The assumption-free result of the account bootstrap: the usable replicates in index order and how many failed. This is
/// what the fit cache stores; valuing them (<see cref="LinkageBootstrap.Evaluate"/>) depends on assumptions and levers.
/// </summary>
internal sealed record BootstrapFits(IReadOnlyList<ReplicateFit> Usable, int Failed);

/// <summary>
/// The account bootstrap: each replicate draws as many accounts as there are, with replacement, refits every model on
/// the re-totalled cells and recomputes every quantity. Replicates are independent and deterministic per index, so the
/// result does not depend on the degree of parallelism.
/// </summary>
internal static class LinkageBootstrap
{
    /// <param name="Coefficients">Each usable replicate's coefficients, kept so levers can be re-valued with other inputs without refitting.</param>
    public sealed record Result(IReadOnlyList<Dictionary<string, double>> Replicates, IReadOnlyList<LinkageCoefficients> Coefficients, int Failed);

    /// <summary>Refits every model on each resample of accounts (the expensive part, independent of assumptions).</summary>
    public static BootstrapFits Fit(LinkageDataset d, LinkageModels models, QuantityEvaluator evaluator, LinkageOptions options, IProgress<int>? progress)
    {
        var fits = new ReplicateFit?[options.Resamples];
        var done = 0;
        var size = ReplicateBatch.Size;
        var (churnCells, costCells) = (models.ChurnDesign.GetLength(0), models.CostDesign.GetLength(0));
        // One batch of weights and one theme model workspace per worker, not per batch: at 100k accounts each holds
        // large-object-heap arrays, and one per resample made the collector run full collections over and over.
        Parallel.For(0, (options.Resamples + size - 1) / size, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount },
            () => (Batch: new ReplicateBatch(d.Accounts), Workspace: new ThemeChurnModel.Workspace()), (b, _, worker) =>
        {
            var (first, count) = (b * size, Math.Min(size, options.Resamples - b * size));
            var batch = worker.Batch;
            batch.Draw(options.Seed, first, count);
            var totals = batch.Totals(d.Rows, churnCells, costCells);
            var refits = Enumerable.Range(0, count).Select(k => models.Refit(totals[k])).ToArray();
            // The theme effects take two Newton steps from the full fit (a k-step bootstrap), not a refit per replicate.
            var thetas = models.ThemeModel?.Step(batch, d.Rows, totals, count, refits.Select(r => r is not null).ToArray(), worker.Workspace) ?? [];
            var ratios = ThemeChurnModel.Ratios(batch, d.Rows, d.Themes.Count, models.SparseChurnDesign, thetas,
                refits.Select(c => c is null ? null : LogisticRegression.Probabilities(models.ChurnDesign, c.Churn)).ToArray(), worker.Workspace);
            for (var k = 0; k < count; k++)
                if (refits[k] is { } coefficients)
                    fits[first + k] = new ReplicateFit(coefficients with { ThemeChurnRatios = ratios[k]!.Ratios, ThemeChurnScales = ratios[k]!.Scales }, evaluator.Describe(totals[k]));
            var now = Interlocked.Add(ref done, count);
            if (now / 25 != (now - count) / 25 || now == options.Resamples) progress?.Report(now);
            return worker;
        }, _ => { });
        var usable = fits.Where(f => f is not null).Select(f => f!).ToList();
        return new BootstrapFits(usable, options.Resamples - usable.Count);
    }

    /// <summary>Every quantity on each usable replicate (with the evaluator's assumptions and scenarios); order kept.</summary>
    public static Result Evaluate(BootstrapFits fits, QuantityEvaluator evaluator, int? parallelism)
    {
        var replicates = new Dictionary<string, double>[fits.Usable.Count];
        Parallel.For(0, replicates.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount },
            r => replicates[r] = evaluator.Evaluate(fits.Usable[r].Coefficients, fits.Usable[r].Totals));
        return new Result(replicates, fits.Usable.Select(f => f.Coefficients).ToList(), fits.Failed);
    }

    /// <summary>Share of failed resamples above which a figure's interval (and any p-value) is withheld rather than taken from the survivors: the model must be identified in most resamples.</summary>
    public const double MaximumFailedShare = 0.5;

    /// <summary>True when the model was not identified in most of the resamples behind a figure.</summary>
    public static bool TooManyFailed(int total, int failed) => total > 0 && failed > MaximumFailedShare * total;

    /// <summary>Percentile interval of quantity <paramref name="key"/> around its full-sample <paramref name="value"/>.</summary>
    public static Estimate Interval(Result bootstrap, string key, double value, long n, double confidenceLevel, string basis)
    {
        var values = bootstrap.Replicates.Select(r => r.TryGetValue(key, out var v) ? v : double.NaN).Where(v => !double.IsNaN(v)).ToArray();
        var total = bootstrap.Replicates.Count + bootstrap.Failed;
        var failed = total - values.Length;
        // Resamples that fail are not a random subset (a rare level vanished, the model lost identification): an interval
        // from the survivors alone would be too narrow, so with too many failures the interval is withheld.
        if (TooManyFailed(total, failed))
            return new Estimate(value, double.NaN, double.NaN, n, $"{basis}; interval withheld: the model could not be refitted in {failed:N0} of {total:N0} bootstrap resamples "
                + $"({(double)failed / total * 100:0}%; at most {MaximumFailedShare * 100:0}% allowed), so its uncertainty cannot be measured", confidenceLevel);
        var method = $"{basis}; account bootstrap, {values.Length:N0} of {total:N0} resamples usable ({(double)failed / Math.Max(total, 1) * 100:0.#}% failed), percentile interval";
        if (values.Length < 20 || double.IsNaN(value)) return new Estimate(value, double.NaN, double.NaN, n, method, confidenceLevel);
        var (lower, upper) = Bootstrap.PercentileInterval(values, confidenceLevel);
        // A payback that never happens is +∞; interpolating between ∞ values gives NaN, so take the nearest rank instead.
        if (double.IsNaN(lower)) lower = NearestRank(values, (1 - confidenceLevel) / 2);
        if (double.IsNaN(upper)) upper = NearestRank(values, 1 - (1 - confidenceLevel) / 2);
        return new Estimate(value, lower, upper, n, method, confidenceLevel) { StandardError = StandardDeviation(values) };
    }

    static double NearestRank(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    static double StandardDeviation(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length < 2) return double.NaN;
        var mean = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
    }
}
