using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// What a theme's name must agree with: each mention's sentiment (null: not scored) and each theme's kind. A problem is never
/// named by words the sentiment scorer reads positive, nor a strength by words it reads negative: the demo's integration
/// complaints (mean −0.03, 40% of its comments positive) were labelled "It saves my team days every week", a clause of the
/// theme's praise minority, because every complaint clause named a product.
/// </summary>
/// <param name="MentionSentiment">Sentiment of each mention given to the labeller, in its order.</param>
/// <param name="Kinds">Kind of each theme.</param>
/// <param name="ReadClause">The sentiment scorer on a clause that was never a sentence of its own (a label candidate split off
/// a longer sentence), as it reads a mention; null: the lexicon.</param>
public sealed record ThemeTone(IReadOnlyList<double?> MentionSentiment, IReadOnlyList<ThemeKind> Kinds, Func<string, double>? ReadClause = null)
{
    /// <summary>A clause's sentiment read on its own words (<see cref="ReadClause"/>, else the lexicon).</summary>
    public double ClauseSentiment(string clause) => ReadClause?.Invoke(clause) ?? LexiconSentiment.Score(clause).Compound;

    /// <summary>Whether a score reads against a theme's kind: positive for a problem, negative for a strength (neutral agrees with both).</summary>
    public bool Contradicts(int theme, double score) =>
        Kinds[theme] == ThemeKind.Problem ? score >= SentimentScore.Threshold : score <= -SentimentScore.Threshold;

    /// <summary>Whether a mention's own sentiment reads against its theme's kind (a mention without a score never does).</summary>
    public bool Contradicts(int theme, int mention) => MentionSentiment[mention] is { } s && Contradicts(theme, s);

    /// <summary>
    /// Each theme's kind as the report will judge it from its comments' sentiment (<see cref="ThemeImpactAnalysis.KindOf"/>
    /// with the sentiment each comment's link carries, as stored in response_themes); the report's other reason for a
    /// strength, an NPS impact above 0, needs the impact analysis, which runs after the labels.
    /// </summary>
    public static ThemeKind[] KindsOf(IReadOnlyList<DocumentTheme> links, int themeCount)
    {
        var scored = new long[themeCount];
        var positive = new long[themeCount];
        var mean = new double[themeCount];
        var squares = new double[themeCount]; // Welford's sum of squared deviations
        foreach (var link in links)
        {
            if (link.Sentiment is not { } s) continue;
            var t = link.Theme;
            scored[t]++;
            if (s >= SentimentScore.Threshold) positive[t]++;
            var delta = s - mean[t];
            mean[t] += delta / scored[t];
            squares[t] += delta * (s - mean[t]);
        }
        var npsImpact = Estimate.Undefined(0, "not known when labelling");
        return Enumerable.Range(0, themeCount).Select(t => ThemeImpactAnalysis.KindOf(positive[t], scored[t],
            scored[t] >= 2 ? MeanEstimator.FromSummary(new SampleSummary(scored[t], mean[t], squares[t] / (scored[t] - 1))) : Estimate.Undefined(scored[t], "mean needs 2 mentions"),
            npsImpact)).ToArray();
    }
}
