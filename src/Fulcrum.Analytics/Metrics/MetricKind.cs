using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Metrics;

/// <summary>How a metric turns sufficient statistics into an estimate and compares two groups.</summary>
public abstract class MetricKind
{
    public abstract Estimate Estimate(SufficientStats s);
    public abstract Comparison Compare(SufficientStats a, SufficientStats b);

    /// <summary>Σs and Σs² of the per-observation score the metric averages (NPS: +1 promoter, 0 passive, −1 detractor), for variance decompositions.</summary>
    public abstract (double Sum, double SumOfSquares) Moments(SufficientStats s);

    /// <summary>SQL of an account's score sum (Σ of the per-observation score) from its aggregated A, B, C columns.</summary>
    public abstract string ScoreSumSql(string a, string b, string c);

    /// <summary>What the mean score is multiplied by to give the metric (100 for NPS).</summary>
    public virtual double Scale => 1;

    public static readonly MetricKind Nps = new NpsKind();
    public static readonly MetricKind Mean = new MeanKind();
    public static readonly MetricKind Proportion = new ProportionKind();

    /// <summary>NPS (−100..100) with the trinomial interval; weighted responses use Kish's effective n.</summary>
    sealed class NpsKind : MetricKind
    {
        public override Estimate Estimate(SufficientStats s) =>
            s.N == 0 ? Core.Statistics.Estimate.Undefined(0, "NPS: no responses")
            : s.W == s.N && s.W2 == s.N
                ? NpsEstimator.FromCounts((long)Math.Round(s.A), (long)Math.Round(s.B), (long)Math.Round(s.C))
                : NpsEstimator.FromWeightedSums(s.N, s.W, s.W2, s.A, s.B, s.C);

        public override Comparison Compare(SufficientStats a, SufficientStats b) => NpsEstimator.Compare(Estimate(a), Estimate(b));

        public override (double Sum, double SumOfSquares) Moments(SufficientStats s) => (s.A - s.C, s.A + s.C);

        public override string ScoreSumSql(string a, string b, string c) => $"({a} - {c})";

        public override double Scale => 100;
    }

    /// <summary>Mean with a t interval; weighted observations use Kish's effective n for the standard error.</summary>
    sealed class MeanKind : MetricKind
    {
        public override Estimate Estimate(SufficientStats s) => Summary(s) is { } summary
            ? MeanEstimator.FromSummary(summary)
            : Core.Statistics.Estimate.Undefined(s.N, "Mean: no observations");

        public override Comparison Compare(SufficientStats a, SufficientStats b) =>
            Summary(a) is { N: >= 2 } x && Summary(b) is { N: >= 2 } y
                ? MeanEstimator.WelchTTest(x, y)
                : Comparison.Undefined(Math.Min(a.N, b.N), "Welch t: fewer than 2 observations in a group");

        public override (double Sum, double SumOfSquares) Moments(SufficientStats s) => (s.A, s.B);

        public override string ScoreSumSql(string a, string b, string c) => a;

        static SampleSummary? Summary(SufficientStats s)
        {
            if (s.N == 0 || s.W <= 0) return null;
            var mean = s.A / s.W;
            var n = s.W == s.N && s.W2 == s.N ? s.N : Math.Max(1, (long)Math.Round(s.EffectiveN));
            // Weighted population variance, rescaled to the unbiased form on the effective n.
            var variance = Math.Max(0, s.B / s.W - mean * mean) * (n > 1 ? n / (n - 1.0) : 1);
            return new SampleSummary(n, mean, variance);
        }
    }

    /// <summary>Share with the Wilson interval; weighted counts are rescaled to the effective n.</summary>
    sealed class ProportionKind : MetricKind
    {
        public override Estimate Estimate(SufficientStats s)
        {
            var (successes, trials) = Counts(s);
            return trials == 0 ? Core.Statistics.Estimate.Undefined(0, "Share: no observations") : ProportionEstimator.Wilson(successes, trials);
        }

        public override Comparison Compare(SufficientStats a, SufficientStats b)
        {
            var (s1, n1) = Counts(a);
            var (s2, n2) = Counts(b);
            return ProportionEstimator.Difference(s1, n1, s2, n2);
        }

        public override (double Sum, double SumOfSquares) Moments(SufficientStats s) => (s.A, s.A);

        public override string ScoreSumSql(string a, string b, string c) => a;

        static (long Successes, long Trials) Counts(SufficientStats s)
        {
            if (s.W == s.N && s.W2 == s.N) return ((long)Math.Round(s.A), s.N);
            var n = (long)Math.Round(s.EffectiveN);
            return ((long)Math.Round(s.W <= 0 ? 0 : s.A / s.W * n), n);
        }
    }
}
