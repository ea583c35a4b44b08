namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// What <see cref="QuantityEvaluator"/> needs besides the models, prepared before they are fitted: preparing interns the
/// counterfactual cells (each renewal cell at every level of NPS/CSAT, and with CES one point higher), and the models'
/// prediction designs must include them. Hence the order: plan, then fit, then evaluator.
/// </summary>
internal sealed class QuantityPlan
{
    public LinkageDataset Data { get; }
    public IReadOnlyList<Scenario> Scenarios { get; }
    public MoneyAssumptions Money { get; }
    public int[] Horizons { get; }

    /// <summary>Per soft factor: for each renewal cell, the same cell at each level of that factor.</summary>
    public Dictionary<int, int[][]> Counterfactual { get; } = [];

    /// <summary>Renewals in each training cell (the weights of standardized rates).</summary>
    public double[] RenewalsPerCell { get; }

    /// <summary>Today's book, compiled for projection.</summary>
    public ProjectionPlan BookPlan { get; }

    /// <summary>Each renewal cell with CES one point higher, when CES is in the churn model.</summary>
    public int[]? CesPlusOne { get; }

    /// <summary>Per soft factor: the level of each training cell, so descriptive rates come from cell totals.</summary>
    public Dictionary<int, int[]> TrainingCellLevels { get; } = [];

    public QuantityPlan(LinkageDataset d, Book book, IReadOnlyList<Scenario> scenarios, MoneyAssumptions money, int[] horizons)
    {
        Data = d;
        Scenarios = scenarios;
        Money = money;
        Horizons = horizons;
        var trainingCells = d.ChurnTrainingCells;
        BookPlan = ProjectionPlan.Compile(book.Entries);
        RenewalsPerCell = new double[trainingCells];
        foreach (var c in d.EventCell) RenewalsPerCell[c]++;
        if (d.ChurnSpace.NumericColumns.Count > 0 && d.ChurnSpace.NumericColumns[0] == LinkageFactors.Ces)
            CesPlusOne = Enumerable.Range(0, trainingCells).Select(c => d.ChurnSpace.WithNumeric(c, 0, d.ChurnSpace.NumericOf(c)[0] + 1)).ToArray();
        foreach (var f in QuantityEvaluator.SoftFactors(d.ChurnSpace))
        {
            var factor = d.ChurnSpace.Factors[f];
            TrainingCellLevels[f] = Enumerable.Range(0, trainingCells).Select(c => d.ChurnSpace.LevelsOf(c)[f]).ToArray();
            Counterfactual[f] = Enumerable.Range(0, factor.Levels.Count)
                .Select(level => Enumerable.Range(0, trainingCells).Select(c => d.ChurnSpace.WithLevel(c, f, level)).ToArray()).ToArray();
        }
    }
}
