namespace Fulcrum.Analytics.Themes.Evaluation;

/// <summary>Macro-averaged F1 of predicted against true class labels (unweighted mean of per-class F1, scikit-learn's f1_score(average="macro")).</summary>
public static class ClassificationAgreement
{
    public static double MacroF1(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count) throw new ArgumentException($"The label lists have different lengths ({truth.Count} and {predicted.Count}).");
        var classes = truth.Concat(predicted).Distinct(StringComparer.Ordinal).ToList();
        return classes.Average(c =>
        {
            long tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                var t = truth[i] == c;
                var p = predicted[i] == c;
                if (t && p) tp++; else if (p) fp++; else if (t) fn++;
            }
            return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
        });
    }
}
