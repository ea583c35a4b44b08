namespace Fulcrum.Analytics.Linkage;

/// <summary>The soft (CX) metrics a linkage model can use.</summary>
public enum SoftMetric { Nps, Csat, Ces }

/// <summary>What to model and how to measure uncertainty.</summary>
public sealed record LinkageOptions
{
    /// <summary>Soft metrics in the churn and expansion models; null picks them by the rule of <see cref="Metrics.SurveyMetricChoice"/> (the chosen NPS or CSAT, and CES when well answered).</summary>
    public IReadOnlySet<SoftMetric>? SoftMetrics { get; init; }

    /// <summary>Bootstrap resamples of accounts (every interval on a money figure comes from them).</summary>
    public int Resamples { get; init; } = 1000;

    public ulong Seed { get; init; } = 20261126;

    public double ConfidenceLevel { get; init; } = 0.90;

    /// <summary>Folds for the cross-validated AUC and calibration (split by account).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>False skips the cross-validation (the report's quality is then undefined): for callers that read only the fitted figures, such as theme impact.</summary>
    public bool CrossValidate { get; init; } = true;

    /// <summary>Degree of parallelism for the bootstrap; null uses every core.</summary>
    public int? Parallelism { get; init; }
}
