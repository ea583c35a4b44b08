using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>The outcome of `fulcrum sentiment train`: what was trained on, how well it does out of sample, and that it is stored.</summary>
public sealed record SentimentTrainingResult(string LabelSource, string LabelDescription, string Method, long Comments, int Unlabelled,
    IReadOnlyDictionary<string, int> ClassCounts, SentimentEvaluation Evaluation, DateTime TrainedAt, long DataVersion);

/// <summary>
/// `fulcrum sentiment train`: reads the labelled comments, cross-validates the classifier, fits it on all of them and stores
/// it; `fulcrum themes` then scores sentiment with it instead of the lexicon.
/// </summary>
public static class SentimentTraining
{
    public const int DefaultFolds = 5;
    public const int DefaultSeed = 20_240_601;

    public static SentimentTrainingResult Train(FulcrumStore store, SentimentLabelSource source, int folds = DefaultFolds, int seed = DefaultSeed,
        SentimentClassifierOptions? options = null, IProgress<(string Step, int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        if (folds is < 2 or > 20) throw new SentimentTrainingException("--folds must be between 2 and 20.");
        options ??= new SentimentClassifierOptions();
        var set = SentimentTrainingSet.Read(store, source, folds);
        progress?.Report(("cross-validation", 0, folds));
        var evaluation = SentimentCrossValidation.Run(set.Comments, options, folds, seed,
            progress is null ? null : new SynchronousFoldProgress(k => progress.Report(("cross-validation", k, folds))), cancellationToken);
        progress?.Report(("final fit", 0, 1));
        var model = SentimentClassifier.Fit(set.Comments, options, seed);
        progress?.Report(("final fit", 1, 1));
        var trainedAt = DateTime.UtcNow;
        var method = options.Describe();
        new SentimentModelStore(store).Save(model, source, method, evaluation, set.Comments.Count, trainedAt);
        return new SentimentTrainingResult(source.ToString(), source.Description, method, set.Comments.Count, set.Unlabelled, set.ClassCounts,
            evaluation, trainedAt, store.DataVersion());
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and could arrive late).</summary>
    sealed class SynchronousFoldProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
