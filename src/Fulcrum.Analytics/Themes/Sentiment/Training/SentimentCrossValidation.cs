using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>Precision, recall and F1 of one class on the out-of-fold predictions; n = labelled comments of the class.</summary>
public sealed record ClassMetrics(string Label, int N, double Precision, double Recall, double F1);

/// <summary>Out-of-fold quality of the classifier: macro-F1 and accuracy with bootstrap intervals, and per class.</summary>
public sealed record SentimentEvaluation(int Folds, int N, Estimate MacroF1, Estimate Accuracy, IReadOnlyList<ClassMetrics> Classes, string Method);

/// <summary>
/// Stratified k-fold cross-validation: each class's comments are shuffled (seeded) and dealt round-robin to the folds, so
/// every fold has the class mix of the whole; the model is fitted on k − 1 folds and predicts the held-out one. The
/// metrics are computed once on all out-of-fold predictions; their 95% intervals come from a percentile bootstrap over
/// comments (it treats the out-of-fold predictions as fixed, so it shows the test-sample noise, not refit variance).
/// </summary>
public static class SentimentCrossValidation
{
    public const int BootstrapReplicates = 1000;

    /// <summary>
    /// The cross-validation and the final model on all comments. The k fold fits and the final fit are independent, so they
    /// run side by side (up to one per core; the final fit, the largest, first): each is the same fit as when run alone.
    /// </summary>
    public static (SentimentEvaluation Evaluation, TrainedSentimentModel Model) RunWithFinalFit(IReadOnlyList<LabelledComment> comments,
        SentimentClassifierOptions options, int folds, int seed, IProgress<int>? fitDone = null, CancellationToken cancellationToken = default)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "Cross-validation needs at least 2 folds.");
        var fold = StratifiedFolds(comments.Select(c => c.Label).ToList(), folds, seed);
        var predicted = new string[comments.Count];
        TrainedSentimentModel? final = null;
        var done = 0;
        var gate = new object();
        Parallel.For(0, folds + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, task =>
        {
            if (task == 0) final = SentimentClassifier.Fit(comments, options, seed);
            else PredictHeldOut(comments, fold, task - 1, options, seed, predicted);
            lock (gate) fitDone?.Report(++done);
        });
        return (Evaluate(comments.Select(c => c.Label).ToList(), predicted, folds, seed), final!);
    }

    /// <summary>Fits on every fold but <paramref name="k"/> and writes the predictions for fold k's comments.</summary>
    static void PredictHeldOut(IReadOnlyList<LabelledComment> comments, int[] fold, int k, SentimentClassifierOptions options, int seed, string[] predicted)
    {
        var train = Enumerable.Range(0, comments.Count).Where(i => fold[i] != k).Select(i => comments[i]).ToList();
        var test = Enumerable.Range(0, comments.Count).Where(i => fold[i] == k).ToList();
        var model = SentimentClassifier.Fit(train, options, seed);
        var predictions = model.Predict(test.Select(i => comments[i].Text).ToList(), model.ReadsVectors ? test.Select(i => comments[i].Vector!).ToList() : null);
        for (var j = 0; j < test.Count; j++) predicted[test[j]] = predictions[j].Label;
    }

    internal static SentimentEvaluation Evaluate(IReadOnlyList<string> truth, IReadOnlyList<string> predicted, int folds, int seed)
    {
        var n = truth.Count;
        double MacroF1(ReadOnlySpan<int> idx)
        {
            var t = new string[idx.Length];
            var p = new string[idx.Length];
            for (var i = 0; i < idx.Length; i++) { t[i] = truth[idx[i]]; p[i] = predicted[idx[i]]; }
            return ClassificationAgreement.MacroF1(t, p);
        }
        double Accuracy(ReadOnlySpan<int> idx)
        {
            var hits = 0;
            foreach (var i in idx) if (truth[i] == predicted[i]) hits++;
            return idx.Length == 0 ? double.NaN : hits / (double)idx.Length;
        }
        var classes = SentimentClasses.All.Where(c => truth.Contains(c)).Select(c =>
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < n; i++)
            {
                if (truth[i] == c && predicted[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
            var recall = tp / (double)(tp + fn);
            return new ClassMetrics(c, tp + fn, precision, recall, tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn));
        }).ToList();
        return new SentimentEvaluation(folds, n,
            Bootstrap.Percentile(n, MacroF1, seed, BootstrapReplicates),
            Bootstrap.Percentile(n, Accuracy, seed, BootstrapReplicates),
            classes,
            $"stratified {folds}-fold cross-validation (seed {seed}); metrics on the out-of-fold predictions, 95% intervals by percentile bootstrap over comments ({BootstrapReplicates} resamples)");
    }

    /// <summary>Fold (0..folds−1) of each item: per class, a seeded shuffle dealt round-robin.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<string> labels, int folds, int seed)
    {
        var fold = new int[labels.Count];
        var random = DeterministicRandom.Create((ulong)seed, "sentiment-folds");
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var j = 0; j < members.Length; j++) fold[members[j]] = j % folds;
        }
        return fold;
    }
}
