using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Linkage;

/// <summary>Coefficients of the five linkage models; null when the data hold nothing to fit (e.g. no expansions).</summary>
internal sealed record LinkageCoefficients(double[] Churn, double[]? Expansion, double[]? Amount, double[]? Tickets, double[]? Minutes);

/// <summary>
/// The five models, fitted on cell totals: churn at renewal and expansion at renewal (logistic), expansion amount per
/// dollar of ARR among expanders, tickets and handle minutes per account-quarter (log-linear). Refit with other account
/// weights for each bootstrap replicate, starting from the full-sample coefficients.
/// </summary>
internal sealed class LinkageModels
{
    public required RegressionFit Churn { get; init; }
    public required RegressionFit? Expansion { get; init; }
    public required RegressionFit? Amount { get; init; }
    public required RegressionFit? Tickets { get; init; }
    public required RegressionFit? Minutes { get; init; }
    public required double[,] ChurnDesign { get; init; }
    public required double[,] CostDesign { get; init; }

    public LinkageCoefficients Coefficients => new(Churn.Coefficients, Expansion?.Coefficients, Amount?.Coefficients, Tickets?.Coefficients, Minutes?.Coefficients);

    /// <summary>Fits on the whole data. Call after every cell the valuation needs has been interned.</summary>
    public static LinkageModels Fit(LinkageDataset d)
    {
        var churnDesign = d.ChurnSpace.Design();
        var costDesign = d.CostSpace.Design();
        var totals = Totals(d, null, churnDesign.GetLength(0), costDesign.GetLength(0));
        var churn = LogisticRegression.Fit(new GroupedData(churnDesign, totals.ChurnEvents, totals.Renewals, d.ChurnSpace.Names));
        if (churn.StandardErrors.Any(double.IsNaN))
            throw new LinkageException($"The churn model's terms are collinear ({string.Join(", ", d.ChurnSpace.Names)}): some are exact combinations of others in these data. Choose fewer soft metrics (--soft).");
        if (!churn.Converged && !churn.Separation.Detected)
            throw new LinkageException("The churn model did not converge; the renewal data may be too sparse for the chosen metrics and controls.");
        var expansion = totals.Expansions.Sum() > 0
            ? LogisticRegression.Fit(new GroupedData(churnDesign, totals.Expansions, totals.Retained, d.ChurnSpace.Names)) : null;
        var amount = totals.ExpansionArr.Sum() > 0
            ? PoissonRegression.Fit(new GroupedData(churnDesign, totals.ExpansionAmount, totals.ExpansionArr, d.ChurnSpace.Names)) : null;
        var tickets = totals.Quarters.Sum() > 0 && totals.Tickets.Sum() > 0
            ? PoissonRegression.Fit(new GroupedData(costDesign, totals.Tickets, totals.Quarters, d.CostSpace.Names)) : null;
        var minutes = totals.Quarters.Sum() > 0 && totals.Minutes.Sum() > 0
            ? PoissonRegression.Fit(new GroupedData(costDesign, totals.Minutes, totals.Quarters, d.CostSpace.Names)) : null;
        return new LinkageModels
        {
            Churn = churn, Expansion = expansion, Amount = amount, Tickets = tickets, Minutes = minutes,
            ChurnDesign = churnDesign, CostDesign = costDesign,
        };
    }

    /// <summary>Refits every model with accounts weighted by <paramref name="accountWeights"/> (a bootstrap replicate's multiplicities); null if a model cannot be fitted on it.</summary>
    public LinkageCoefficients? Refit(LinkageDataset d, double[] accountWeights)
    {
        var t = Totals(d, accountWeights, ChurnDesign.GetLength(0), CostDesign.GetLength(0));
        var churn = LogisticRegression.Refit(new GroupedData(ChurnDesign, t.ChurnEvents, t.Renewals, d.ChurnSpace.Names), Churn);
        if (!Usable(churn)) return null;
        double[]? Other(RegressionFit? template, double[,] design, double[] response, double[] weight, IReadOnlyList<string> names, bool logistic)
        {
            if (template is null) return null;
            var data = new GroupedData(design, response, weight, names);
            var fit = logistic ? LogisticRegression.Refit(data, template) : PoissonRegression.Refit(data, template);
            return Usable(fit) ? fit.Coefficients : [];
        }
        var expansion = Other(Expansion, ChurnDesign, t.Expansions, t.Retained, d.ChurnSpace.Names, true);
        var amount = Other(Amount, ChurnDesign, t.ExpansionAmount, t.ExpansionArr, d.ChurnSpace.Names, false);
        var tickets = Other(Tickets, CostDesign, t.Tickets, t.Quarters, d.CostSpace.Names, false);
        var minutes = Other(Minutes, CostDesign, t.Minutes, t.Quarters, d.CostSpace.Names, false);
        if (expansion is [] || amount is [] || tickets is [] || minutes is []) return null;
        return new LinkageCoefficients(churn.Coefficients, expansion, amount, tickets, minutes);
    }

    // A replicate can lose every account of a rare level; its coefficient is then undefined and the replicate is dropped (and counted).
    static bool Usable(RegressionFit fit) => fit.Converged && fit.Coefficients.All(double.IsFinite) && fit.Coefficients.All(b => Math.Abs(b) < 50);

    internal sealed record CellTotals(
        double[] Renewals, double[] ChurnEvents, double[] Retained, double[] Expansions, double[] ExpansionArr, double[] ExpansionAmount,
        double[] Quarters, double[] Tickets, double[] Minutes);

    internal static CellTotals Totals(LinkageDataset d, double[]? accountWeights, int churnCells, int costCells)
    {
        var t = new CellTotals(new double[churnCells], new double[churnCells], new double[churnCells], new double[churnCells], new double[churnCells],
            new double[churnCells], new double[costCells], new double[costCells], new double[costCells]);
        for (var i = 0; i < d.EventCell.Length; i++)
        {
            var w = accountWeights?[d.EventAccount[i]] ?? 1;
            if (w == 0) continue;
            var c = d.EventCell[i];
            t.Renewals[c] += w;
            if (d.Churned[i]) { t.ChurnEvents[c] += w; continue; }
            t.Retained[c] += w;
            if (!d.Expanded[i]) continue;
            t.Expansions[c] += w;
            if (!(d.ArrBefore[i] > 0)) continue;
            t.ExpansionArr[c] += w * d.ArrBefore[i];
            t.ExpansionAmount[c] += w * d.ExpansionAmount[i];
        }
        for (var i = 0; i < d.ServiceCell.Length; i++)
        {
            var w = accountWeights?[d.ServiceAccount[i]] ?? 1;
            if (w == 0) continue;
            var c = d.ServiceCell[i];
            t.Quarters[c] += w * d.Quarters[i];
            t.Tickets[c] += w * d.Tickets[i];
            t.Minutes[c] += w * d.HandleMinutes[i];
        }
        return t;
    }
}
