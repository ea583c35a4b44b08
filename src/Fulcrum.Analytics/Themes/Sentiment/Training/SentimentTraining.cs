using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>The outcome of `fulcrum sentiment train`: what was trained on, how well it does out of sample, and that it is stored.</summary>
public sealed record SentimentTrainingResult(string LabelSource, string LabelDescription, string Method, long Comments, int Unlabelled,
    IReadOnlyDictionary<string, int> ClassCounts, SentimentEvaluation Evaluation, DateTime TrainedAt, long DataVersion);

/// <summary>
/// `fulcrum sentiment train`: reads the labelled comments, cross-validates the classifier, fits it on all of them and stores
/// it; `fulcrum themes` then scores sentiment with it instead of the built-in model (MiniLM for English, or the lexicon).
/// </summary>
public static class SentimentTraining
{
    public const int DefaultFolds = 5;
    public const int DefaultSeed = 20_240_601;

    /// <summary>The progress step of the fold fits and the final fit, which run side by side.</summary>
    public const string FittingStep = "cross-validation and final fit";

    public static SentimentTrainingResult Train(FulcrumStore store, SentimentLabelSource source, int folds = DefaultFolds, int seed = DefaultSeed,
        SentimentClassifierOptions? options = null, IProgress<(string Step, int Done, int Total)>? progress = null, CancellationToken cancellationToken = default,
        ITextEmbedder? vectors = null)
    {
        if (folds is < 2 or > 20) throw new SentimentTrainingException("--folds must be between 2 and 20.");
        options ??= new SentimentClassifierOptions();
        source = source.OnScaleOf(store);
        var set = SentimentTrainingSet.Read(store, source, folds);
        if (vectors is not null && options.EmbeddingWeight > 0)
        {
            progress?.Report(("embedding", 0, 1));
            set = set with { Comments = WithVectors(store, vectors, set.Comments, cancellationToken) };
            progress?.Report(("embedding", 1, 1));
        }
        progress?.Report((FittingStep, 0, folds + 1));
        var (evaluation, model) = SentimentCrossValidation.RunWithFinalFit(set.Comments, options, folds, seed,
            progress is null ? null : new SynchronousFoldProgress(k => progress.Report((FittingStep, k, folds + 1))), cancellationToken);
        var trainedAt = DateTime.UtcNow;
        var method = options.Describe(model.ReadsVectors);
        new SentimentModelStore(store).Save(model, source, method, evaluation, set.Comments.Count, trainedAt);
        return new SentimentTrainingResult(source.ToString(), source.Description, method, set.Comments.Count, set.Unlabelled, set.ClassCounts,
            evaluation, trainedAt, store.DataVersion());
    }

    /// <summary>
    /// The comments with their MiniLM vectors, formed as `themes` forms them: the normalised mean of the sentences' vectors
    /// (cached in text_embeddings, so a later themes run reuses them).
    /// </summary>
    static List<LabelledComment> WithVectors(FulcrumStore store, ITextEmbedder embedder, IReadOnlyList<LabelledComment> comments, CancellationToken cancellationToken)
    {
        var mentions = Mentions.FromComments(comments.Select(c => c.Text).ToList());
        var distinct = mentions.Text.Distinct(StringComparer.Ordinal).ToList();
        var distinctVectors = new EmbeddingCache(store).Embed(embedder, distinct, out _, cancellationToken: cancellationToken);
        var byText = distinct.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => distinctVectors[p.i], StringComparer.Ordinal);
        var commentVectors = EmbeddingSentiment.CommentVectors(mentions, mentions.Text.Select(t => byText[t]).ToList(), embedder.Dimension);
        return comments.Select((c, i) => c with { Vector = commentVectors[i] }).ToList();
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and could arrive late).</summary>
    sealed class SynchronousFoldProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
