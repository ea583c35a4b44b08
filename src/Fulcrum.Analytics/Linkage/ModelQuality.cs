using Fulcrum.Core.Statistics;
using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Linkage;

/// <summary>One bin of the calibration table: predicted vs observed churn among held-out renewals.</summary>
public sealed record CalibrationBin(double PredictedFrom, double PredictedTo, double MeanPredicted, Estimate Observed);

/// <summary>How well the churn model predicts renewals it was not fitted on.</summary>
/// <param name="Auc">Cross-validated area under the ROC curve (Hanley–McNeil interval).</param>
/// <param name="CalibrationSlope">Slope of observed log-odds on predicted log-odds (1 = well calibrated, &lt;1 = over-confident).</param>
/// <param name="CalibrationInTheLarge">Observed minus mean predicted churn rate.</param>
public sealed record ModelQuality(int Folds, Estimate Auc, Estimate CalibrationSlope, double CalibrationInTheLarge, IReadOnlyList<CalibrationBin> Calibration);

/// <summary>K-fold cross-validation of the churn model, split by account so an account's renewals stay together.</summary>
internal static class ModelQualityCheck
{
    public static ModelQuality Run(LinkageDataset d, LinkageModels models, int folds, ulong seed)
    {
        var fold = new int[d.Accounts];
        var rng = DeterministicRandom.Create(seed, "cross-validation folds");
        // Accounts in the order of a random key each (drawn in account order), ties by account: OrderBy's stable order,
        // sorted as packed (key, account) numbers, which takes a fraction of OrderBy's time over 100k accounts.
        var order = new long[d.Accounts];
        for (var a = 0; a < order.Length; a++) order[a] = (long)rng.Next() << 32 | (uint)a;
        Array.Sort(order);
        for (var i = 0; i < order.Length; i++) fold[(int)(order[i] & uint.MaxValue)] = i % folds;

        // Every fold's training totals from one pass over the rows (a fold per slot of a batch), not one pass per fold.
        var (cells, costCells) = (models.ChurnDesign.GetLength(0), models.CostDesign.GetLength(0));
        var training = new LinkageModels.CellTotals[folds];
        for (var first = 0; first < folds; first += ReplicateBatch.Size)
        {
            var count = Math.Min(ReplicateBatch.Size, folds - first);
            var batch = ReplicateBatch.Of(d.Accounts, count, (account, slot) => fold[account] == first + slot ? 0 : 1);
            Array.Copy(batch.Totals(d.Rows, cells, costCells), 0, training, first, count);
        }

        // Held-out predictions, grouped: (predicted probability, churned, renewed) per fold and cell; folds refitted in
        // parallel and their predictions kept in fold order.
        var heldByFold = new List<(double P, double Positive, double Negative)>[folds];
        Parallel.For(0, folds, k =>
        {
            var fit = LogisticRegression.Refit(models.ChurnTemplate.WithTotals(training[k].ChurnEvents, training[k].Renewals), models.Churn);
            var p = LogisticRegression.Probabilities(models.ChurnDesign, fit.Coefficients);
            var positive = new double[cells];
            var negative = new double[cells];
            for (var i = 0; i < d.EventCell.Length; i++)
            {
                if (fold[d.EventAccount[i]] != k) continue;
                if (d.Churned[i]) positive[d.EventCell[i]]++; else negative[d.EventCell[i]]++;
            }
            heldByFold[k] = [];
            for (var c = 0; c < cells; c++)
                if (positive[c] + negative[c] > 0) heldByFold[k].Add((p[c], positive[c], negative[c]));
        });
        var held = heldByFold.SelectMany(h => h).ToList();
        return new ModelQuality(folds, Auc(held), CalibrationSlope(held), CalibrationInTheLarge(held), Bins(held, 10));
    }

    /// <summary>Mann–Whitney AUC with ties counted half; interval by Hanley &amp; McNeil (1982).</summary>
    internal static Estimate Auc(IReadOnlyList<(double P, double Positive, double Negative)> groups)
    {
        var sorted = groups.GroupBy(g => g.P).Select(g => (P: g.Key, Pos: g.Sum(x => x.Positive), Neg: g.Sum(x => x.Negative))).OrderBy(g => g.P).ToList();
        double positives = sorted.Sum(g => g.Pos), negatives = sorted.Sum(g => g.Neg);
        if (positives == 0 || negatives == 0) return Estimate.Undefined((long)(positives + negatives), "cross-validated AUC (needs both outcomes)");
        double below = 0, sum = 0;
        foreach (var g in sorted)
        {
            sum += g.Pos * (below + 0.5 * g.Neg);
            below += g.Neg;
        }
        var auc = sum / (positives * negatives);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var se = Math.Sqrt((auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives));
        return new Estimate(auc, Math.Max(0, auc - 1.959964 * se), Math.Min(1, auc + 1.959964 * se), (long)(positives + negatives),
            "cross-validated AUC by account folds, Hanley–McNeil interval") { StandardError = se };
    }

    static Estimate CalibrationSlope(IReadOnlyList<(double P, double Positive, double Negative)> groups)
    {
        var usable = groups.Where(g => g.P > 1e-12 && g.P < 1 - 1e-12).ToList();
        var x = new double[usable.Count, 2];
        for (var i = 0; i < usable.Count; i++) { x[i, 0] = 1; x[i, 1] = Math.Log(usable[i].P / (1 - usable[i].P)); }
        var fit = LogisticRegression.Fit(new GroupedData(x, usable.Select(g => g.Positive).ToArray(), usable.Select(g => g.Positive + g.Negative).ToArray(), ["intercept", "logit"]));
        return fit.Wald("logit") with { Method = "logistic recalibration on held-out renewals, Wald interval" };
    }

    static double CalibrationInTheLarge(IReadOnlyList<(double P, double Positive, double Negative)> groups)
    {
        double n = groups.Sum(g => g.Positive + g.Negative);
        return groups.Sum(g => g.Positive) / n - groups.Sum(g => g.P * (g.Positive + g.Negative)) / n;
    }

    /// <summary>Bins of about equal numbers of held-out renewals, ordered by predicted churn.</summary>
    static IReadOnlyList<CalibrationBin> Bins(IReadOnlyList<(double P, double Positive, double Negative)> groups, int bins)
    {
        var sorted = groups.OrderBy(g => g.P).ToList();
        var total = sorted.Sum(g => g.Positive + g.Negative);
        var result = new List<CalibrationBin>();
        var start = 0;
        double cumulative = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            cumulative += sorted[i].Positive + sorted[i].Negative;
            var boundary = total * (result.Count + 1) / bins;
            if (cumulative < boundary && i < sorted.Count - 1) continue;
            var bin = sorted.GetRange(start, i - start + 1);
            var n = bin.Sum(c => c.Positive + c.Negative);
            var churned = bin.Sum(c => c.Positive);
            result.Add(new CalibrationBin(bin[0].P, bin[^1].P, bin.Sum(c => c.P * (c.Positive + c.Negative)) / n,
                ProportionEstimator.Wilson((long)Math.Round(churned), (long)Math.Round(n))));
            start = i + 1;
        }
        return result;
    }
}
