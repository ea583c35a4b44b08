using System.Data.Common;
using System.Globalization;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Survey;

/// <summary>
/// Where a survey answer sits on its scale: the unhappy end, the middle or the happy end. NPS: detractor 0–6, passive 7–8,
/// promoter 9–10. CSAT: by its place on the scale — the bottom quarter dissatisfied (1–2 on 1–5), up to the middle neutral
/// (3), the top half satisfied (4–5). CES, where more is worse, mirrored: the top quarter high effort (6–7 on 1–7), the
/// bottom half low effort. The scale is the store's (<see cref="ScoreScales"/>): a mapping may declare another CSAT or CES
/// scale, and the quarter follows (CSAT 0–2 on 0–10, 1–3 on 1–10; CES 4–5 on 1–5). Imports and the intake refuse answers
/// outside it; one written by other means (SQL) widens it rather than falling off the scale. Repeat purchase and the
/// closed loop read the levels from here, so "dissatisfied" means one thing throughout.
/// </summary>
/// <param name="Metric">"nps", "csat" or "ces" (the responses column).</param>
/// <param name="Min">Low end of the store's scale.</param>
/// <param name="Max">High end of the store's scale.</param>
public sealed record ScoreLevels(string Metric, double Min, double Max)
{
    public const int Unhappy = 0, Middle = 1, Happy = 2;

    /// <summary>The survey metrics in order of preference: a store's survey metric is the first with an answer.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["nps", "csat", "ces"];

    /// <summary>Share of the scale at its bad end that counts as unhappy, and up to which the middle goes.</summary>
    const double UnhappyShare = 0.25, MiddleShare = 0.5, Tolerance = 1e-9;

    public static readonly ScoreLevels Nps = new("nps", CanonicalSchema.NpsMin, CanonicalSchema.NpsMax);

    /// <summary>True for CES: a higher answer is worse.</summary>
    public bool HigherIsWorse => Metric == "ces";

    /// <summary>0 (unhappy), 1 (middle) or 2 (happy).</summary>
    public int Level(double score)
    {
        if (Metric == "nps") return score <= 6 ? Unhappy : score <= 8 ? Middle : Happy;
        var fromBadEnd = HigherIsWorse ? (Max - score) / (Max - Min) : (score - Min) / (Max - Min);
        return fromBadEnd <= UnhappyShare + Tolerance ? Unhappy : fromBadEnd <= MiddleShare + Tolerance ? Middle : Happy;
    }

    /// <summary>
    /// The last score that is still unhappy: an answer is unhappy when it is at or below this (NPS, CSAT) or at or above it
    /// (CES). Carries the same tolerance as <see cref="Level"/> so SQL and C# agree on the edge.
    /// </summary>
    public double UnhappyBound => Metric == "nps" ? 6
        : HigherIsWorse ? Max - (UnhappyShare + Tolerance) * (Max - Min) : Min + (UnhappyShare + Tolerance) * (Max - Min);

    /// <summary>What an unhappy answer is called: detractor, dissatisfied or high effort.</summary>
    public string UnhappyWord => Metric switch { "nps" => "detractor", "csat" => "dissatisfied", _ => "high-effort" };

    /// <summary>The unhappy scores in words, e.g. "NPS 0–6", "CSAT 1–2", "CSAT 0–2 on a 0–10 scale", "CES 6–7".</summary>
    public string UnhappyRange
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            var bound = Metric == "nps" ? 6 : HigherIsWorse ? Max - UnhappyShare * (Max - Min) : Min + UnhappyShare * (Max - Min);
            // Answers are whole points on the usual scales: name the whole points inside the quarter.
            var (first, last) = HigherIsWorse ? (Math.Ceiling(bound - Tolerance), Max) : (Min, Math.Floor(bound + Tolerance));
            var range = Math.Abs(first - last) < Tolerance ? first.ToString("0.##", c) : $"{first.ToString("0.##", c)}–{last.ToString("0.##", c)}";
            return $"{Metric.ToUpperInvariant()} {range}{OnScale}";
        }
    }

    /// <summary>" on a 1–10 scale" when the scale is not the metric's default (NPS 0–10, CSAT 1–5, CES 1–7), else empty.</summary>
    public string OnScale => Metric == "nps" || ScoreScales.Default(Metric) is var d && Min == d.Min && Max == d.Max ? ""
        : string.Create(CultureInfo.InvariantCulture, $" on a {Min:0.##}–{Max:0.##} scale");

    /// <summary>
    /// The whole points of the scale at <paramref name="level"/>, low to high, e.g. "3" (neutral CSAT on 1–5), "4–5"
    /// (satisfied), "6–10" (satisfied on 1–10); empty when no whole point is at that level.
    /// </summary>
    public string Points(int level)
    {
        var c = CultureInfo.InvariantCulture;
        var points = Enumerable.Range((int)Math.Ceiling(Min), (int)Math.Floor(Max) - (int)Math.Ceiling(Min) + 1).Where(p => Level(p) == level).ToList();
        return points.Count == 0 ? "" : points.Count == 1 ? points[0].ToString(c) : $"{points[0].ToString(c)}–{points[^1].ToString(c)}";
    }

    /// <summary>The levels of <paramref name="metric"/> in this store: its stored scale (declared, else the default).</summary>
    public static ScoreLevels Of(FulcrumStore store, string metric, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (metric == "nps") return Nps;
        if (!ScoreScales.Declarable.Contains(metric))
            throw new ArgumentException($"Unknown survey metric '{metric}'. Use nps, csat or ces.", nameof(metric));
        var scale = ScoreScales.Of(store, metric, transaction);
        // The column is one of the two names above, never user text. Answers outside the scale only come from outside the
        // import and the intake (which refuse them); they widen it so that none falls off the scale.
        var (low, high) = store.Query<(double?, double?)>(
            $"SELECT CAST(MIN({metric}) AS DOUBLE PRECISION), CAST(MAX({metric}) AS DOUBLE PRECISION) FROM responses", transaction: transaction).Single();
        return new ScoreLevels(metric, Math.Min(scale.Min, low ?? scale.Min), Math.Max(scale.Max, high ?? scale.Max));
    }
}
