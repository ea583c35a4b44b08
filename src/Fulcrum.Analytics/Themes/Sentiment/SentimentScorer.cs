using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>A comment's sentiment as stored in response_sentiment: score in [−1, 1] and its class.</summary>
public readonly record struct ScoredSentiment(double Score, string Label);

/// <summary>
/// The sentiment scorer `fulcrum themes` uses: the model trained with `fulcrum sentiment train` when one is stored
/// (score = P(positive) − P(negative), label = the most probable class), else the offline lexicon.
/// </summary>
public sealed class SentimentScorer
{
    readonly TrainedSentimentModel? _model;

    SentimentScorer(TrainedSentimentModel? model, string method)
    {
        _model = model;
        Method = method;
    }

    public static SentimentScorer Lexicon { get; } = new(null, LexiconSentiment.Method);

    /// <summary>The stored trained model if there is one, else the lexicon.</summary>
    public static SentimentScorer For(FulcrumStore store)
    {
        var models = new SentimentModelStore(store);
        var description = models.Describe();
        if (description is null) return Lexicon;
        return new SentimentScorer(models.Load(), $"trained classifier (`fulcrum sentiment train --label {description.LabelSource}`, "
            + $"{description.Comments:N0} comments, {description.Evaluation.Folds}-fold macro-F1 {description.Evaluation.MacroF1.Value:0.000}; {description.Method})");
    }

    public bool IsTrained => _model is not null;

    /// <summary>Which scorer this is, stated in the themes output and stored with each comment's sentiment.</summary>
    public string Method { get; }

    /// <summary>Scores of cleaned texts (<see cref="Text.TextCleaner.Clean"/>), in order.</summary>
    public IReadOnlyList<ScoredSentiment> Score(IReadOnlyList<string> texts)
    {
        if (_model is null)
        {
            var scores = new ScoredSentiment[texts.Count];
            Parallel.For(0, texts.Count, i =>
            {
                var s = LexiconSentiment.Score(texts[i]);
                scores[i] = new ScoredSentiment(s.Compound, s.Label);
            });
            return scores;
        }
        var classes = _model.Classes;
        return _model.Predict(texts).Select(p => new ScoredSentiment(p.Score(classes), p.Label)).ToList();
    }
}
