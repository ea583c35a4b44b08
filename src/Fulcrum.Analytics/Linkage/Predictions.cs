using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Linkage;

/// <summary>What one set of model coefficients predicts for every cell: the inputs of a valuation.</summary>
internal sealed class Predictions
{
    /// <summary>Churn probability per renewal decision, per churn cell.</summary>
    public required double[] Churn { get; init; }
    /// <summary>Probability of expanding at a renewal that does not churn, per churn cell.</summary>
    public required double[] Expansion { get; init; }
    /// <summary>Expansion ARR per dollar of ARR when an account expands, per churn cell.</summary>
    public required double[] ExpansionRatio { get; init; }
    /// <summary>Tickets per account-quarter, per cost cell.</summary>
    public required double[] Tickets { get; init; }
    /// <summary>Handle minutes per account-quarter, per cost cell.</summary>
    public required double[] Minutes { get; init; }
    /// <summary>log rate ratio of tickets per CES point (the cost model's CES slope).</summary>
    public required double TicketsPerCesPoint { get; init; }
    public required double MinutesPerCesPoint { get; init; }
    /// <summary>Per theme: churn of accounts raising it relative to what the joint model of every theme predicts for them without it.</summary>
    public double[] ThemeChurnRatios { get; init; } = [];
    /// <summary>Per theme: that prediction relative to the churn model's own for the same renewals (<see cref="Linkage.ThemeChurnRatios"/>).</summary>
    public double[] ThemeChurnScales { get; init; } = [];

    /// <summary>
    /// Churn multiplier of accounts raising <paramref name="theme"/> when <paramref name="excessKept"/> of its excess churn
    /// remains: scale × (1 + (ratio − 1) × kept), so all kept is their observed churn and none the churn predicted for them without the theme.
    /// </summary>
    public double ThemeMultiplier(int theme, double excessKept) =>
        double.IsFinite(ThemeChurnRatios[theme]) && double.IsFinite(ThemeChurnScales[theme])
            ? ThemeChurnScales[theme] * (1 + (ThemeChurnRatios[theme] - 1) * excessKept) : 1;

    /// <summary>Predictions for every cell of both spaces, including cells interned after fitting (e.g. by a lever of another size).</summary>
    public static Predictions From(LinkageModels models, LinkageCoefficients b, string cesColumn, CellSpace churnSpace, CellSpace costSpace)
    {
        var (churnDesign, costDesign) = models.PredictionDesigns(churnSpace, costSpace);
        var churnCells = churnDesign.GetLength(0);
        var costCells = costDesign.GetLength(0);
        var tickets = b.Tickets is null ? new double[costCells] : PoissonRegression.Rates(costDesign, b.Tickets);
        var minutes = b.Minutes is null ? new double[costCells] : PoissonRegression.Rates(costDesign, b.Minutes);
        var cesIndex = models.Tickets?.Names is { } names ? IndexOf(names, cesColumn) : -1;
        return new Predictions
        {
            Churn = LogisticRegression.Probabilities(churnDesign, b.Churn),
            Expansion = b.Expansion is null ? new double[churnCells] : LogisticRegression.Probabilities(churnDesign, b.Expansion),
            ExpansionRatio = b.Amount is null ? new double[churnCells] : PoissonRegression.Rates(churnDesign, b.Amount),
            Tickets = tickets,
            Minutes = minutes,
            TicketsPerCesPoint = cesIndex >= 0 && b.Tickets is not null ? b.Tickets[cesIndex] : double.NaN,
            MinutesPerCesPoint = cesIndex >= 0 && b.Minutes is not null ? b.Minutes[cesIndex] : double.NaN,
            ThemeChurnRatios = b.ThemeChurnRatios,
            ThemeChurnScales = b.ThemeChurnScales,
        };
    }

    static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
