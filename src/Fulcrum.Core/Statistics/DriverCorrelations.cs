namespace Fulcrum.Core.Statistics;

/// <summary>The correlations a relative-importance decomposition needs, checked once.</summary>
internal static class DriverCorrelations
{
    /// <summary>Checks the shapes and values; returns k.</summary>
    public static int Validate(double[,] predictorCorrelations, IReadOnlyList<double> outcomeCorrelations)
    {
        ArgumentNullException.ThrowIfNull(predictorCorrelations);
        ArgumentNullException.ThrowIfNull(outcomeCorrelations);
        var k = predictorCorrelations.GetLength(0);
        if (k == 0) throw new ArgumentException("At least one predictor is needed.", nameof(predictorCorrelations));
        if (predictorCorrelations.GetLength(1) != k)
            throw new ArgumentException($"The predictor correlation matrix must be square; it is {k} × {predictorCorrelations.GetLength(1)}.", nameof(predictorCorrelations));
        if (outcomeCorrelations.Count != k)
            throw new ArgumentException($"There are {outcomeCorrelations.Count} outcome correlations for {k} predictors.", nameof(outcomeCorrelations));
        for (var i = 0; i < k; i++)
        {
            if (!(Math.Abs(outcomeCorrelations[i]) <= 1 + 1e-12))
                throw new ArgumentException($"Correlation of predictor {i} with the outcome is {outcomeCorrelations[i]}; it must be in [-1, 1] (NaN: the predictor or the outcome does not vary).", nameof(outcomeCorrelations));
            if (Math.Abs(predictorCorrelations[i, i] - 1) > 1e-9)
                throw new ArgumentException($"Diagonal element {i} of the predictor correlation matrix is {predictorCorrelations[i, i]}; it must be 1 (NaN: predictor {i} does not vary).", nameof(predictorCorrelations));
            for (var j = 0; j < i; j++)
            {
                var a = predictorCorrelations[i, j];
                if (!(Math.Abs(a) <= 1 + 1e-12) || Math.Abs(a - predictorCorrelations[j, i]) > 1e-9)
                    throw new ArgumentException($"Predictor correlations [{i},{j}] = {a} and [{j},{i}] = {predictorCorrelations[j, i]} must be equal and in [-1, 1].", nameof(predictorCorrelations));
            }
        }

        return k;
    }
}
