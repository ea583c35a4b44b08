namespace Fulcrum.Core.Statistics.Regression;

/// <summary>How a model's coefficients were estimated.</summary>
public enum FitMethod
{
    /// <summary>Maximum likelihood by iteratively reweighted least squares (Fisher scoring).</summary>
    MaximumLikelihood,

    /// <summary>Firth's penalized likelihood (Jeffreys prior): finite estimates even under separation.</summary>
    Firth,
}

/// <summary>What the data say about (quasi-)separation in a logistic model.</summary>
/// <param name="Detected">True when maximum-likelihood estimates do not exist (some coefficients run off to ±∞).</param>
/// <param name="Coefficients">The coefficients that ran away.</param>
/// <param name="PerfectlyPredicted">Observations (summed weights) whose fitted probability went to 0 or 1.</param>
/// <param name="Explanation">Plain words for the user.</param>
public sealed record Separation(bool Detected, IReadOnlyList<string> Coefficients, double PerfectlyPredicted, string Explanation)
{
    public static readonly Separation None = new(false, [], 0, "No separation: maximum-likelihood estimates exist.");
}

/// <summary>
/// A fitted generalized linear model: coefficients with model-based (inverse Fisher information) standard errors.
/// </summary>
public sealed record RegressionFit(
    IReadOnlyList<string> Names,
    double[] Coefficients,
    double[] StandardErrors,
    double[,] Covariance,
    double LogLikelihood,
    double Deviance,
    int Iterations,
    bool Converged,
    FitMethod Method,
    double Observations,
    Separation Separation)
{
    /// <summary>Columns the data hold nothing about (no weight where they are non-zero): not estimated, held at 0, NaN standard error.</summary>
    public IReadOnlyList<int> HeldAtZero { get; init; } = [];

    /// <summary>Names of <see cref="HeldAtZero"/>.</summary>
    public IEnumerable<string> NamesHeldAtZero => HeldAtZero.Select(j => Names[j]);

    /// <summary>Coefficient by name.</summary>
    public double this[string name] => Coefficients[IndexOf(name)];

    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new KeyNotFoundException($"The model has no coefficient '{name}'. It has: {string.Join(", ", Names)}.");
    }

    /// <summary>Wald interval for coefficient <paramref name="name"/>, optionally transformed (e.g. exp for an odds ratio).</summary>
    public Estimate Wald(string name, Func<double, double>? transform = null, double confidenceLevel = 0.95)
    {
        var i = IndexOf(name);
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + confidenceLevel / 2);
        var f = transform ?? (x => x);
        var (b, se) = (Coefficients[i], StandardErrors[i]);
        var method = Method == FitMethod.Firth ? "Firth penalized likelihood, Wald interval" : "maximum likelihood, Wald interval";
        return new Estimate(f(b), f(b - z * se), f(b + z * se), (long)Math.Round(Observations), method, confidenceLevel)
        { StandardError = transform is null ? se : null };
    }

    /// <summary>Two-sided Wald p-value for coefficient <paramref name="name"/> being zero.</summary>
    public double PValue(string name)
    {
        var i = IndexOf(name);
        var z = Coefficients[i] / StandardErrors[i];
        return 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs(z)));
    }
}
