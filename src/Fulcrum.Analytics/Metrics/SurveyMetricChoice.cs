using System.Globalization;

namespace Fulcrum.Analytics.Metrics;

/// <summary>
/// The one rule that picks the survey metric an analysis is about (metrics, growth-check, drivers, linkage, business case,
/// value, the report): among NPS, CSAT and CES, those with at least <see cref="MinimumShareOfMostAnswered"/> of the answers
/// of the most-answered one are well answered, and the first well-answered one in the order NPS, CSAT, CES is chosen.
/// NPS keeps its precedence where it is asked about as often as the others, but two stray NPS answers never displace
/// 7,043 CSAT answers.
/// </summary>
/// <param name="Metric">"nps", "csat" or "ces"; null when no answer has a score.</param>
/// <param name="WellAnswered">The well-answered metrics in the order of <see cref="PrimarySurveyMetric.All"/>.</param>
/// <param name="Answers">How many answers (or, for the linkage, renewals preceded by an answer) each metric has, in the order of <see cref="PrimarySurveyMetric.All"/>.</param>
/// <param name="Unit">What <paramref name="Answers"/> counts, for the explanation ("answers").</param>
public sealed record SurveyMetricChoice(string? Metric, IReadOnlyList<string> WellAnswered, IReadOnlyList<long> Answers, string Unit)
{
    /// <summary>A metric with fewer than half the answers of the most-answered one is too thin to stand for the company's experience.</summary>
    public const double MinimumShareOfMostAnswered = Data.Survey.WellAnsweredMetric.MinimumShareOfMostAnswered;

    /// <summary>Applies the rule to the counts of NPS, CSAT and CES answers.</summary>
    public static SurveyMetricChoice From(long nps, long csat, long ces, string unit = "answers")
    {
        var wellAnswered = Data.Survey.WellAnsweredMetric.Of(nps, csat, ces);
        return new SurveyMetricChoice(wellAnswered.FirstOrDefault(), wellAnswered, [nps, csat, ces], unit);
    }

    /// <summary>
    /// The metrics a model of hard outcomes takes by default: the chosen one when it is NPS or CSAT (as levels; the two
    /// measure the same satisfaction, so one of them), and CES (a number, effort) whenever it is well answered.
    /// </summary>
    public IReadOnlyList<string> ModelMetrics =>
        [.. Metric is "nps" or "csat" ? [Metric] : Array.Empty<string>(), .. WellAnswered.Contains("ces") ? ["ces"] : Array.Empty<string>()];

    /// <summary>How many the chosen (or any) metric has.</summary>
    public long AnswersOf(string metric)
    {
        for (var i = 0; i < PrimarySurveyMetric.All.Count; i++)
            if (PrimarySurveyMetric.All[i].Equals(metric, StringComparison.OrdinalIgnoreCase)) return Answers[i];
        return 0;
    }

    /// <summary>
    /// The choice and why, for the output: "CSAT (7,043 answers; NPS has only 2, under half as many)",
    /// "NPS (4,000 answers; also CSAT 4,000, CES 4,000)", or why there is none.
    /// </summary>
    public string Explanation
    {
        get
        {
            if (Metric is null) return $"no survey metric (no NPS, CSAT or CES {Unit})";
            var c = CultureInfo.InvariantCulture;
            var notes = new List<string>();
            var thin = PrimarySurveyMetric.All.Where(m => m != Metric && AnswersOf(m) > 0 && !WellAnswered.Contains(m))
                .Select(m => string.Create(c, $"{m.ToUpperInvariant()} has only {AnswersOf(m):N0}")).ToList();
            if (thin.Count > 0) notes.Add($"{string.Join(", ", thin)}, under half as many");
            var alsoAnswered = WellAnswered.Where(m => m != Metric).Select(m => string.Create(c, $"{m.ToUpperInvariant()} {AnswersOf(m):N0}")).ToList();
            if (alsoAnswered.Count > 0) notes.Add($"also {string.Join(", ", alsoAnswered)}");
            return string.Create(c, $"{Metric.ToUpperInvariant()} ({AnswersOf(Metric):N0} {Unit}{(notes.Count > 0 ? "; " + string.Join("; ", notes) : "")})");
        }
    }
}
