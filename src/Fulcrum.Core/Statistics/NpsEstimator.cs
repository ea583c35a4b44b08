using System.Globalization;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// Net Promoter Score on the −100..100 scale: NPS = 100·(p_P − p_D), where p_P is the share of
/// promoters (9–10) and p_D the share of detractors (0–6).
/// </summary>
/// <remarks>
/// <para>
/// <b>Method.</b> The (promoter, passive, detractor) counts are multinomial (trinomial). With
/// X = +1 for a promoter, 0 for a passive and −1 for a detractor, NPS/100 is the mean of X and
/// Var(X) = p_P + p_D − (p_P − p_D)², so Var(NPS/100) = (p_P + p_D − (p_P − p_D)²)/n.
/// The interval is the normal (Wald) interval NPS ± z·SE, clipped to [−100, 100].
/// </para>
/// <para>
/// <b>Assumptions.</b> Responses are independent draws from the population (simple random sample);
/// n large enough for the normal approximation (roughly n·min(p) ≥ 5 per category).
/// </para>
/// <para>
/// <b>Fallback when every response is in one category.</b> The plug-in variance is then 0 and the
/// Wald interval would collapse to a point. For the variance only, one pseudo-response is added
/// to each category (in the spirit of the Agresti–Caffo adjustment for proportions):
/// p̃_k = (n_k + 1)/(n + 3), Var = (p̃_P + p̃_D − (p̃_P − p̃_D)²)/(n + 3). The point estimate stays
/// the observed NPS; the method string says the fallback was used.
/// </para>
/// <para>
/// <b>References.</b> Reichheld F. (2003) "The One Number You Need to Grow", HBR; Rocks B. (2016)
/// "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70(4):365–372;
/// Agresti A., Caffo B. (2000) The American Statistician 54(4):280–288.
/// </para>
/// </remarks>
public static class NpsEstimator
{
    private const string NoResponses = "NPS undefined: no responses (n = 0)";

    /// <summary>Classifies a 0–10 score: 9–10 promoter, 7–8 passive, 0–6 detractor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0..10.</exception>
    public static NpsCategory Classify(int score) => score switch
    {
        >= 9 and <= 10 => NpsCategory.Promoter,
        >= 7 and <= 8 => NpsCategory.Passive,
        >= 0 and <= 6 => NpsCategory.Detractor,
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "An NPS score must be in 0..10."),
    };

    /// <summary>
    /// NPS from category counts with the trinomial-variance normal interval (see the type remarks).
    /// Returns an undefined estimate (NaN value, N = 0) when there are no responses.
    /// </summary>
    public static Estimate FromCounts(long promoters, long passives, long detractors, double confidenceLevel = 0.95)
    {
        if (promoters < 0) throw new ArgumentOutOfRangeException(nameof(promoters), promoters, "Counts must be non-negative.");
        if (passives < 0) throw new ArgumentOutOfRangeException(nameof(passives), passives, "Counts must be non-negative.");
        if (detractors < 0) throw new ArgumentOutOfRangeException(nameof(detractors), detractors, "Counts must be non-negative.");
        Distributions.CheckConfidenceLevel(confidenceLevel);

        var n = promoters + passives + detractors;
        if (n == 0)
        {
            return Estimate.Undefined(0, NoResponses, confidenceLevel);
        }

        var oneCategory = promoters == n || passives == n || detractors == n;
        return Build((double)promoters / n, (double)detractors / n, n, n, oneCategory, confidenceLevel,
            "NPS, trinomial variance, normal interval");
    }

    /// <summary>NPS from raw 0–10 scores (each classified with <see cref="Classify"/>); see <see cref="FromCounts"/>.</summary>
    public static Estimate FromScores(IEnumerable<int> scores, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        long p = 0, pa = 0, d = 0;
        foreach (var s in scores)
        {
            switch (Classify(s))
            {
                case NpsCategory.Promoter: p++; break;
                case NpsCategory.Passive: pa++; break;
                default: d++; break;
            }
        }

        return FromCounts(p, pa, d, confidenceLevel);
    }

    /// <summary>
    /// Weighted NPS (e.g. account- or ARR-weighted) from per-response (score, weight) pairs.
    /// </summary>
    /// <remarks>
    /// <b>Method.</b> p_P and p_D are weight shares. The variance is the trinomial variance with n
    /// replaced by Kish's effective sample size n_eff = (Σw)²/Σw², which discounts the information
    /// lost to unequal weights: Var(NPS/100) = (p_P + p_D − (p_P − p_D)²)/n_eff; normal interval,
    /// clipped to [−100, 100]. When all positive weight is in one category the pseudo-response
    /// fallback of the type remarks is used with n_eff in place of n.
    /// <b>Assumptions.</b> Weights are fixed (not estimated) and unrelated to sampling error; this is
    /// the usual design-effect approximation, not a full survey-design (linearisation) variance.
    /// <b>Reference.</b> Kish L. (1965) Survey Sampling, Wiley.
    /// N of the result is the number of responses with a positive weight; the method string carries n_eff.
    /// Returns an undefined estimate when the total weight is 0.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0..10 or a weight is negative or not finite.</exception>
    public static Estimate FromWeightedScores(IEnumerable<(int Score, double Weight)> responses, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(responses);
        Distributions.CheckConfidenceLevel(confidenceLevel);

        double sumW = 0, sumW2 = 0, wP = 0, wPa = 0, wD = 0;
        long count = 0;
        foreach (var (score, weight) in responses)
        {
            var category = Classify(score);
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(responses), weight, "Weights must be finite and non-negative.");
            }

            if (weight == 0)
            {
                continue;
            }

            count++;
            sumW += weight;
            sumW2 += weight * weight;
            switch (category)
            {
                case NpsCategory.Promoter: wP += weight; break;
                case NpsCategory.Passive: wPa += weight; break;
                default: wD += weight; break;
            }
        }

        return FromWeightedSums(count, sumW, sumW2, wP, wPa, wD, confidenceLevel);
    }

    /// <summary>
    /// Weighted NPS from sums a database can compute: the number of responses with positive weight,
    /// Σw, Σw², and the weight of promoters, passives and detractors. Same method as <see cref="FromWeightedScores"/>.
    /// </summary>
    public static Estimate FromWeightedSums(long count, double sumW, double sumW2, double wP, double wPa, double wD, double confidenceLevel = 0.95)
    {
        Distributions.CheckConfidenceLevel(confidenceLevel);
        if (count == 0 || sumW <= 0)
        {
            return Estimate.Undefined(0, "Weighted NPS undefined: no responses with positive weight (n = 0)", confidenceLevel);
        }

        var nEff = sumW * sumW / sumW2;
        var nonEmpty = (wP > 0 ? 1 : 0) + (wPa > 0 ? 1 : 0) + (wD > 0 ? 1 : 0);
        var prefix = "Weighted NPS, trinomial variance with Kish effective n = "
                     + nEff.ToString("0.#", CultureInfo.InvariantCulture) + ", normal interval";
        return Build(wP / sumW, wD / sumW, nEff, count, nonEmpty == 1, confidenceLevel, prefix);
    }

    /// <summary>
    /// Compares two NPS estimates from independent samples: difference a − b (in NPS points) with
    /// the normal interval (a − b) ± z·√(SE_a² + SE_b²) and the two-sided z-test of no difference.
    /// </summary>
    /// <remarks>
    /// <b>Assumptions.</b> The samples are independent (different respondents) and each estimate's
    /// <see cref="Estimate.StandardError"/> is from <see cref="FromCounts"/>/<see cref="FromWeightedScores"/>
    /// (unpooled trinomial variances). Returns an undefined comparison when either estimate is undefined.
    /// <b>Reference.</b> Rocks B. (2016), The American Statistician 70(4):365–372.
    /// </remarks>
    /// <exception cref="ArgumentException">An estimate has no standard error.</exception>
    public static Comparison Compare(Estimate a, Estimate b, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Distributions.CheckConfidenceLevel(confidenceLevel);
        const string method = "NPS difference, normal interval from unpooled trinomial standard errors; two-sided z-test";

        if (!a.IsDefined || !b.IsDefined)
        {
            return Comparison.Undefined(a.N + b.N, "NPS difference undefined: a sample has no responses", confidenceLevel);
        }

        var seA = a.StandardError ?? throw new ArgumentException("The estimate has no standard error.", nameof(a));
        var seB = b.StandardError ?? throw new ArgumentException("The estimate has no standard error.", nameof(b));
        var diff = a.Value - b.Value;
        var se = Math.Sqrt(seA * seA + seB * seB);
        var z = Distributions.ZCritical(confidenceLevel);
        var stat = se > 0 ? diff / se : double.NaN;
        var difference = new Estimate(
            diff,
            Math.Max(-200, diff - z * se),
            Math.Min(200, diff + z * se),
            a.N + b.N,
            method,
            confidenceLevel) { StandardError = se };
        return new Comparison(difference, stat, Distributions.TwoSidedNormalP(stat), method);
    }

    private static Estimate Build(
        double pP, double pD, double n, long count, bool oneCategory, double confidenceLevel, string method)
    {
        double variance;
        if (oneCategory)
        {
            var pPt = (pP * n + 1) / (n + 3);
            var pDt = (pD * n + 1) / (n + 3);
            variance = (pPt + pDt - (pPt - pDt) * (pPt - pDt)) / (n + 3);
            method += "; all responses in one category, so the variance adds 1 pseudo-response per category";
        }
        else
        {
            variance = Math.Max(0, pP + pD - (pP - pD) * (pP - pD)) / n;
        }

        var value = 100 * (pP - pD);
        var se = 100 * Math.Sqrt(variance);
        var z = Distributions.ZCritical(confidenceLevel);
        return new Estimate(
            value,
            Math.Max(-100, value - z * se),
            Math.Min(100, value + z * se),
            count,
            method,
            confidenceLevel) { StandardError = se };
    }
}
