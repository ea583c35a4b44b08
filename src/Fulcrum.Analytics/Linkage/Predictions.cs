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

    public static Predictions From(LinkageModels models, LinkageCoefficients b, string cesColumn)
    {
        var churnCells = models.ChurnDesign.GetLength(0);
        var costCells = models.CostDesign.GetLength(0);
        var tickets = b.Tickets is null ? new double[costCells] : PoissonRegression.Rates(models.CostDesign, b.Tickets);
        var minutes = b.Minutes is null ? new double[costCells] : PoissonRegression.Rates(models.CostDesign, b.Minutes);
        var cesIndex = models.Tickets?.Names is { } names ? IndexOf(names, cesColumn) : -1;
        return new Predictions
        {
            Churn = LogisticRegression.Probabilities(models.ChurnDesign, b.Churn),
            Expansion = b.Expansion is null ? new double[churnCells] : LogisticRegression.Probabilities(models.ChurnDesign, b.Expansion),
            ExpansionRatio = b.Amount is null ? new double[churnCells] : PoissonRegression.Rates(models.ChurnDesign, b.Amount),
            Tickets = tickets,
            Minutes = minutes,
            TicketsPerCesPoint = cesIndex >= 0 && b.Tickets is not null ? b.Tickets[cesIndex] : double.NaN,
            MinutesPerCesPoint = cesIndex >= 0 && b.Minutes is not null ? b.Minutes[cesIndex] : double.NaN,
        };
    }

    static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
