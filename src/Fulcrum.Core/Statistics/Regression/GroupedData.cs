namespace Fulcrum.Core.Statistics.Regression;

/// <summary>
/// Data for a generalized linear model in grouped form: one row per covariate pattern (a cell) with its design row,
/// its response total and its weight. For a logistic model a row is a binomial count (<see cref="Response"/> successes
/// out of <see cref="Weight"/> trials); for a log-linear model it is a total (<see cref="Response"/>) over an exposure
/// (<see cref="Weight"/>). Ungrouped data is the special case of one row per observation with weight 1.
/// Grouping is exact for both families (the likelihood depends on the data only through the cell totals), which is
/// what makes refitting a bootstrap replicate cheap: a replicate only changes the totals.
/// </summary>
public sealed class GroupedData
{
    public GroupedData(double[,] design, double[] response, double[] weight, IReadOnlyList<string> names)
    {
        var rows = design.GetLength(0);
        if (response.Length != rows || weight.Length != rows)
            throw new ArgumentException($"design has {rows} rows but response has {response.Length} and weight {weight.Length}.");
        if (names.Count != design.GetLength(1))
            throw new ArgumentException($"design has {design.GetLength(1)} columns but {names.Count} names were given.");
        for (var i = 0; i < rows; i++)
        {
            if (!(weight[i] >= 0) || double.IsInfinity(weight[i])) throw new ArgumentException($"row {i}: weight must be finite and ≥ 0, got {weight[i]}.");
            if (!(response[i] >= 0) || double.IsInfinity(response[i])) throw new ArgumentException($"row {i}: response must be finite and ≥ 0, got {response[i]}.");
            for (var j = 0; j < design.GetLength(1); j++)
                if (!double.IsFinite(design[i, j])) throw new ArgumentException($"row {i}, column '{names[j]}': the design value is not a finite number.");
        }
        Design = design;
        Response = response;
        Weight = weight;
        Names = names;
    }

    /// <summary>Design matrix, one row per cell; include a column of ones for an intercept.</summary>
    public double[,] Design { get; }

    /// <summary>Successes (logistic) or total (log-linear) per cell.</summary>
    public double[] Response { get; }

    /// <summary>Trials (logistic) or exposure (log-linear) per cell.</summary>
    public double[] Weight { get; }

    /// <summary>Coefficient names, one per design column.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Rows => Design.GetLength(0);
    public int Columns => Design.GetLength(1);

    /// <summary>Sum of the weights: observations (logistic) or exposure (log-linear).</summary>
    public double TotalWeight => Weight.Sum();

    /// <summary>
    /// The same cells with other totals, e.g. a bootstrap replicate's. Only the lengths are checked: the design was
    /// validated once, and re-scanning it for every one of thousands of replicates would cost more than the fit.
    /// </summary>
    public GroupedData WithTotals(double[] response, double[] weight)
    {
        if (response.Length != Rows || weight.Length != Rows)
            throw new ArgumentException($"expected {Rows} totals, got {response.Length} responses and {weight.Length} weights.");
        return new(Design, response, weight, Names, validated: true);
    }

    GroupedData(double[,] design, double[] response, double[] weight, IReadOnlyList<string> names, bool validated)
    {
        _ = validated;
        Design = design;
        Response = response;
        Weight = weight;
        Names = names;
    }

    /// <summary>Ungrouped observations: one row each, weight 1.</summary>
    public static GroupedData FromObservations(double[,] design, double[] outcome, IReadOnlyList<string> names) =>
        new(design, outcome, Enumerable.Repeat(1.0, outcome.Length).ToArray(), names);
}
