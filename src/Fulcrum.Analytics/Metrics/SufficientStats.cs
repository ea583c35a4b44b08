namespace Fulcrum.Analytics.Metrics;

/// <summary>
/// Additive summary of a group's observations, computed in SQL, from which an estimate and its interval follow.
/// Additive, so "the rest" of a period is the period total minus the group.
/// N counts observations; W and W2 are Σw and Σw²; A, B, C are metric-specific weighted sums
/// (NPS: promoters, passives, detractors; mean: Σwx, Σwx², unused; proportion: successes, unused, unused).
/// </summary>
public readonly record struct SufficientStats(long N, double W, double W2, double A, double B, double C)
{
    public static SufficientStats operator -(SufficientStats x, SufficientStats y) =>
        new(x.N - y.N, x.W - y.W, x.W2 - y.W2, x.A - y.A, x.B - y.B, x.C - y.C);

    public static SufficientStats operator +(SufficientStats x, SufficientStats y) =>
        new(x.N + y.N, x.W + y.W, x.W2 + y.W2, x.A + y.A, x.B + y.B, x.C + y.C);

    /// <summary>Kish effective sample size (equals N when all weights are equal).</summary>
    public double EffectiveN => W2 <= 0 ? 0 : W * W / W2;
}
