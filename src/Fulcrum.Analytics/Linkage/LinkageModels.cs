using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Linkage;

/// <summary>Coefficients of the five linkage models; null when the data hold nothing to fit (e.g. no expansions).</summary>
/// <param name="ThemeChurnRatios">Per theme: observed churn of renewals by accounts that raised it over the churn the joint model of every
/// theme predicts for them without its own effect (<see cref="ThemeChurnModel"/>: on top of NPS, CES, the controls and the other themes).</param>
/// <param name="ThemeChurnScales">Per theme: that prediction over the churn model's own for the same renewals (<see cref="Linkage.ThemeChurnRatios"/>).</param>
internal sealed record LinkageCoefficients(double[] Churn, double[]? Expansion, double[]? Amount, double[]? Tickets, double[]? Minutes, double[] ThemeChurnRatios,
    double[] ThemeChurnScales);

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
    /// <summary>Design of the churn cells that hold renewals (what the churn, expansion and amount models are fitted on).</summary>
    public required double[,] ChurnDesign { get; init; }
    /// <summary>Design of the cost cells that hold account-quarters.</summary>
    public required double[,] CostDesign { get; init; }
    public required GroupedData ChurnTemplate { get; init; }
    /// <summary>The cost cells, when there are tickets to model.</summary>
    public required GroupedData? CostTemplate { get; init; }
    /// <summary>The full sample's cell totals.</summary>
    public required CellTotals FullTotals { get; init; }

    readonly Lock _designGate = new();
    (int Churn, int Cost, double[,] ChurnDesign, double[,] CostDesign)? _prediction;

    /// <summary>Designs of every interned cell (levers and counterfactuals add cells after fitting), rebuilt only when cells were added.</summary>
    public (double[,] Churn, double[,] Cost) PredictionDesigns(CellSpace churn, CellSpace cost)
    {
        lock (_designGate)
        {
            if (_prediction is not { } p || p.Churn != churn.Count || p.Cost != cost.Count)
                _prediction = p = (churn.Count, cost.Count, churn.Design(), cost.Design());
            return (p.ChurnDesign, p.CostDesign);
        }
    }

    public required ThemeChurnRatios ThemeChurn { get; init; }

    /// <summary>The churn model with an effect per theme, which the bootstrap steps from; null without themes or when it could not be fitted.</summary>
    public required ThemeChurnModel? ThemeModel { get; init; }

    /// <summary><see cref="ChurnDesign"/> as each cell's non-zero columns.</summary>
    public required SparseDesign SparseChurnDesign { get; init; }

    public LinkageCoefficients Coefficients => new(Churn.Coefficients, Expansion?.Coefficients, Amount?.Coefficients, Tickets?.Coefficients, Minutes?.Coefficients,
        ThemeChurn.Ratios, ThemeChurn.Scales);

    /// <summary>Fits on the whole data. Call after every cell the valuation needs has been interned.</summary>
    public static LinkageModels Fit(LinkageDataset d)
    {
        var churnDesign = d.ChurnSpace.Design(d.ChurnTrainingCells);
        var costDesign = d.CostSpace.Design(d.CostTrainingCells);
        var everyAccount = ReplicateBatch.Single(d.Accounts, null);
        var totals = everyAccount.Totals(d.Rows, churnDesign.GetLength(0), costDesign.GetLength(0))[0];
        var churnCells = new GroupedData(churnDesign, totals.ChurnEvents, totals.Renewals, d.ChurnSpace.Names);
        var churn = LogisticRegression.Fit(churnCells);
        if (churn.StandardErrors.Any(double.IsNaN))
            throw new LinkageException($"The churn model's terms are collinear ({string.Join(", ", d.ChurnSpace.Names)}): some are exact combinations of others in these data. Choose fewer soft metrics (--soft).");
        if (!churn.Converged && !churn.Separation.Detected)
            throw new LinkageException("The churn model did not converge; the renewal data may be too sparse for the chosen metrics and controls.");
        var sparseChurnDesign = new SparseDesign(churnDesign);
        var themeModel = ThemeChurnModel.Fit(sparseChurnDesign, churn, d.Rows, d.Accounts, d.Themes.Count, totals);
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
            ChurnDesign = churnDesign, CostDesign = costDesign, SparseChurnDesign = sparseChurnDesign, ThemeModel = themeModel,
            ChurnTemplate = churnCells,
            CostTemplate = tickets is null && minutes is null ? null : new GroupedData(costDesign, totals.Tickets, totals.Quarters, d.CostSpace.Names),
            FullTotals = totals,
            ThemeChurn = ThemeChurnModel.Ratios(everyAccount, d.Rows, d.Themes.Count, sparseChurnDesign, [themeModel?.Coefficients],
                [LogisticRegression.Probabilities(churnDesign, churn.Coefficients)], new ThemeChurnModel.Workspace())[0]!,
        };
    }

    /// <summary>
    /// Refits every model on cell totals (a bootstrap replicate's); null if a model cannot be fitted on them. The theme
    /// ratios are left empty: they need another pass over the rows, which <see cref="ThemeChurnModel.Ratios"/> makes for a batch.
    /// </summary>
    public LinkageCoefficients? Refit(CellTotals t)
    {
        // The cells are the validated full-sample ones; only their totals change, so no re-validation.
        var churn = LogisticRegression.Refit(ChurnTemplate.WithTotals(t.ChurnEvents, t.Renewals), Churn);
        if (!Usable(churn)) return null;
        double[]? Other(RegressionFit? template, GroupedData? cells, double[] response, double[] weight, bool logistic)
        {
            if (template is null || cells is null) return null;
            var data = cells.WithTotals(response, weight);
            var fit = logistic ? LogisticRegression.Refit(data, template) : PoissonRegression.Refit(data, template);
            return Usable(fit) ? fit.Coefficients : [];
        }
        var expansion = Other(Expansion, ChurnTemplate, t.Expansions, t.Retained, true);
        var amount = Other(Amount, ChurnTemplate, t.ExpansionAmount, t.ExpansionArr, false);
        var tickets = Other(Tickets, CostTemplate, t.Tickets, t.Quarters, false);
        var minutes = Other(Minutes, CostTemplate, t.Minutes, t.Quarters, false);
        if (expansion is [] || amount is [] || tickets is [] || minutes is []) return null;
        return new LinkageCoefficients(churn.Coefficients, expansion, amount, tickets, minutes, [], []);
    }

    // A replicate can lose every account of a rare level; its coefficient is then undefined and the replicate is dropped (and counted).
    static bool Usable(RegressionFit fit) => fit.Converged && fit.Coefficients.All(double.IsFinite) && fit.Coefficients.All(b => Math.Abs(b) < 50);

    /// <summary>Totals per cell, plus tickets, handle minutes and account-quarters per NPS level (for cost to serve by NPS level).</summary>
    internal sealed record CellTotals(
        double[] Renewals, double[] ChurnEvents, double[] Retained, double[] Expansions, double[] ExpansionArr, double[] ExpansionAmount,
        double[] Quarters, double[] Tickets, double[] Minutes, double[] NpsQuarters, double[] NpsTickets, double[] NpsMinutes);
}
