namespace Fulcrum.Core.Statistics;

/// <summary>
/// Multiple-testing control for scans over many segments, themes or drivers.
/// </summary>
public static class MultipleTesting
{
    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values), returned in the original order.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> With the m p-values sorted ascending, p₍ᵢ₎ → min over j ≥ i of
    /// min(1, m·p₍ⱼ₎/j) (the step-up procedure as adjusted p-values). Rejecting every hypothesis with
    /// q ≤ α controls the false discovery rate at α. The result is monotone in p (a smaller p never
    /// gets a larger q), q ≥ p, and q ≤ 1. NaN p-values are left out (their q is NaN) and do not
    /// count in m, as in R's p.adjust.
    /// <b>Assumptions.</b> Independent or positively dependent (PRDS) tests.
    /// <b>Reference.</b> Benjamini Y., Hochberg Y. (1995) JRSS B 57:289–300; matches statsmodels
    /// multipletests(method="fdr_bh") and R p.adjust(method="BH").
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1].</exception>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var q = new double[pValues.Count];
        var order = new List<int>(pValues.Count);
        for (var i = 0; i < pValues.Count; i++)
        {
            var p = pValues[i];
            if (double.IsNaN(p))
            {
                q[i] = double.NaN;
                continue;
            }

            if (p < 0 || p > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "p-values must be in [0, 1].");
            }

            order.Add(i);
        }

        // Stable sort by p so ties keep their input order (ties get equal q anyway).
        var sorted = order.OrderBy(i => pValues[i]).ToArray();
        var m = sorted.Length;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = sorted[rank - 1];
            // (m / rank) · p, as in R's p.adjust: the factor is ≥ 1, so q ≥ p holds exactly in floating point.
            running = Math.Min(running, (double)m / rank * pValues[index]);
            q[index] = running;
        }

        return q;
    }

    /// <summary>
    /// Which hypotheses to reject at false discovery rate <paramref name="alpha"/>: q ≤ alpha
    /// (NaN q-values are never rejected). Input is the output of <see cref="BenjaminiHochberg"/>.
    /// </summary>
    public static bool[] RejectAt(IReadOnlyList<double> qValues, double alpha)
    {
        ArgumentNullException.ThrowIfNull(qValues);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");
        }

        var reject = new bool[qValues.Count];
        for (var i = 0; i < reject.Length; i++)
        {
            reject[i] = qValues[i] <= alpha;
        }

        return reject;
    }
}
