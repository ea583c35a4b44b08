using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>A comment's sentiment as stored in response_sentiment: score in [−1, 1] and its class.</summary>
public readonly record struct ScoredSentiment(double Score, string Label);

/// <summary>
/// The sentiment scorer `fulcrum themes` uses: the model trained with `fulcrum sentiment train` when one is stored
/// (score = P(positive) − P(negative), label = the most probable class, every language); else, with MiniLM vectors, the
/// shipped embedding model for English (<see cref="EmbeddingSentiment"/>); else the lexicon. Portuguese and Spanish keep
/// their lexicons and other languages get no figure unless a trained model is stored (<see cref="MultilingualSentiment"/>).
/// </summary>
public sealed class SentimentScorer
{
    readonly TrainedSentimentModel? _model;
    readonly EmbeddingSentiment? _embedding;
    readonly bool _vectorsAreMiniLm;

    SentimentScorer(TrainedSentimentModel? model, EmbeddingSentiment? embedding, string method, bool vectorsAreMiniLm = false)
    {
        _model = model;
        _embedding = embedding;
        _vectorsAreMiniLm = vectorsAreMiniLm;
        Method = method;
    }

    public static SentimentScorer Lexicon { get; } = new(null, null, LexiconSentiment.Method);

    /// <summary>The shipped MiniLM embedding model (English), fitted to nothing of the user's.</summary>
    public static SentimentScorer Embedding { get; } = new(null, EmbeddingSentiment.Default, EmbeddingSentiment.Method);

    /// <summary>The stored trained model if there is one, else the lexicon.</summary>
    public static SentimentScorer For(FulcrumStore store) => Trained(store, vectorsAreMiniLm: false) ?? Lexicon;

    /// <summary>The stored trained model if there is one, else the embedding model when the vectors are MiniLM's, else the lexicon.</summary>
    public static SentimentScorer For(FulcrumStore store, ITextEmbedder embedder) =>
        Trained(store, embedder.Model == MiniLmEmbedder.ModelName) ?? (embedder.Model == MiniLmEmbedder.ModelName ? Embedding : Lexicon);

    static SentimentScorer? Trained(FulcrumStore store, bool vectorsAreMiniLm)
    {
        var models = new SentimentModelStore(store);
        var description = models.Describe();
        if (description is null) return null;
        return new SentimentScorer(models.Load(), null, $"trained classifier (`fulcrum sentiment train --label {description.LabelSource}`, "
            + $"{description.Comments:N0} comments, {description.Evaluation.Folds}-fold macro-F1 {description.Evaluation.MacroF1.Value:0.000}; {description.Method})",
            vectorsAreMiniLm);
    }

    public bool IsTrained => _model is not null;

    /// <summary>A trained classifier that reads MiniLM sentence vectors while the run's vectors are another model's (--fast): the caller must supply MiniLM's.</summary>
    public bool NeedsMiniLmVectors => _model is { ReadsVectors: true } && !_vectorsAreMiniLm;

    /// <summary>This scorer, told that the vectors it is given are MiniLM's (the caller embedded them, cached, for the trained classifier).</summary>
    public SentimentScorer WithMiniLmVectors() => new(_model, _embedding, Method, vectorsAreMiniLm: true);

    const int MiniLmDimension = 384;

    /// <summary>Which scorer this is, stated in the themes output and stored with each comment's sentiment.</summary>
    public string Method { get; }

    /// <summary>
    /// Scores of cleaned texts (<see cref="Text.TextCleaner.Clean"/>), in order, by the trained model or the lexicon.
    /// <paramref name="vectors"/>: the texts' MiniLM vectors, for a trained model that reads them (computed here when absent).
    /// </summary>
    public IReadOnlyList<ScoredSentiment> Score(IReadOnlyList<string> texts, IReadOnlyList<float[]>? vectors = null)
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
        if (_model.ReadsVectors && vectors is null) vectors = MiniLmVectors(texts);
        return _model.Predict(texts, _model.ReadsVectors ? vectors : null).Select(p => new ScoredSentiment(p.Score(classes), p.Label)).ToList();
    }

    /// <summary>MiniLM vectors of texts as `themes` forms a comment's (mean of its sentences'), for a trained model that reads them.</summary>
    static float[][] MiniLmVectors(IReadOnlyList<string> texts)
    {
        using var embedder = new MiniLmEmbedder();
        var mentions = Mentions.FromComments(texts);
        return EmbeddingSentiment.CommentVectors(mentions, ThemeEngine.EmbedMentions(mentions, d => embedder.Embed(d)), embedder.Dimension);
    }

    /// <summary>
    /// Sentiment of each mention (sentence): null for a language without a sentiment model. <paramref name="vectors"/> are
    /// the mentions' vectors (used by the embedding model for English mentions).
    /// </summary>
    public double?[] MentionSentiment(Mentions mentions, IReadOnlyList<string> documentLanguage, IReadOnlyList<float[]> vectors)
    {
        // Sentences repeat a lot; a score depends only on the text and its language (whose vector is the same), so each is scored once.
        if (_model is not null)
        {
            var (first, slot) = mentions.DistinctTexts();
            var trained = Score(first.Select(i => mentions.Text[i]).ToList(), _vectorsAreMiniLm ? first.Select(i => vectors[i]).ToList() : null);
            return slot.Select(j => (double?)trained[j].Score).ToArray();
        }
        var text = mentions.DistinctTexts().Slot;
        return DistinctValues.Map(mentions.Count, i => (text[i], documentLanguage[mentions.Document[i]]),
            i => _embedding is not null && documentLanguage[mentions.Document[i]] == CommentLanguage.English
                ? _embedding.Score(vectors[i], mentions.Text[i]).Score
                : MultilingualSentiment.Score(mentions.Text[i], documentLanguage[mentions.Document[i]])?.Compound);
    }

    /// <summary>
    /// Sentiment of one English sentence that is not among the mentions (a label candidate split off a longer sentence), as
    /// <see cref="MentionSentiment"/> reads a mention; <paramref name="embed"/> gives its vector when the scorer reads one.
    /// </summary>
    public double SentenceSentiment(string text, Func<string, float[]> embed)
    {
        if (_model is not null) return Score([text], _model.ReadsVectors && _vectorsAreMiniLm ? [embed(text)] : null)[0].Score;
        return _embedding is not null ? _embedding.Score(embed(text), text).Score : LexiconSentiment.Score(text).Compound;
    }

    /// <summary>
    /// Sentiment of each whole comment, as stored in response_sentiment, in order: <paramref name="responseIds"/> and
    /// <paramref name="texts"/> (the comments cleaned by <see cref="TextCleaner.Clean"/>) are the comments. The embedding
    /// model reads a comment as the normalised mean of its sentences' vectors (<see cref="EmbeddingSentiment.CommentVectors"/>).
    /// The scores are computed here; the rows are made as they are enumerated (a million row objects held at once were
    /// ~70 MB of the themes step's peak).
    /// </summary>
    public IEnumerable<ResponseSentimentRow> CommentSentiment(IReadOnlyList<string> responseIds, IReadOnlyList<string> texts,
        IReadOnlyList<string> languages, Mentions mentions, IReadOnlyList<float[]> vectors)
    {
        if (responseIds.Count != texts.Count) throw new ArgumentException("One response id per comment text.", nameof(texts));
        var scores = new CommentScore[texts.Count];
        if (_model is not null)
        {
            var trained = Score(texts, _vectorsAreMiniLm ? EmbeddingSentiment.CommentVectors(mentions, vectors, MiniLmDimension) : null);
            for (var i = 0; i < scores.Length; i++) scores[i] = new CommentScore(trained[i].Score, trained[i].Label, Method);
            return Rows(responseIds, scores, languages);
        }
        var commentVectors = _embedding is null ? null : EmbeddingSentiment.CommentVectors(mentions, vectors, _embedding.Dimension);
        var hasMention = new bool[texts.Count];
        foreach (var d in mentions.Document) hasMention[d] = true;
        bool ByEmbedding(int i) => commentVectors is not null && languages[i] == CommentLanguage.English && hasMention[i];
        // A lexicon score depends only on the text and its language, and comments repeat: each distinct pair is scored once.
        var lexicon = DistinctValues.Map(texts.Count, i => (texts[i], languages[i]),
            i => ByEmbedding(i) ? null : MultilingualSentiment.Score(texts[i], languages[i]));
        Parallel.For(0, texts.Count, i =>
        {
            if (ByEmbedding(i))
            {
                var s = _embedding!.Score(commentVectors![i], texts[i]);
                scores[i] = new CommentScore(s.Score, s.Label, Method);
                return;
            }
            var score = lexicon[i];
            scores[i] = new CommentScore(score?.Compound, score?.Label, MultilingualSentiment.Method(languages[i]));
        });
        return Rows(responseIds, scores, languages);
    }

    readonly record struct CommentScore(double? Score, string? Label, string Method);

    static IEnumerable<ResponseSentimentRow> Rows(IReadOnlyList<string> responseIds, CommentScore[] scores, IReadOnlyList<string> languages) =>
        scores.Select((s, i) => new ResponseSentimentRow(responseIds[i], s.Score, s.Label, s.Method, languages[i]));
}
