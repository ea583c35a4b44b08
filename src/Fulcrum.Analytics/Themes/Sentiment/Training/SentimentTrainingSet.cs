using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>
/// One comment with its label: the text as the models see it (<see cref="TextCleaner.Clean"/>), its class and, when the
/// classifier reads MiniLM vectors, the comment's vector (the normalised mean of its sentences', as `themes` forms it).
/// </summary>
public sealed record LabelledComment(string ResponseId, string Text, string Label, float[]? Vector = null);

/// <summary>
/// The labelled comments of a store for one label source. Comments whose source value is empty are unlabelled and left
/// out; a value that maps to no class is an error naming the values, so a typo never silently drops data.
/// </summary>
public sealed record SentimentTrainingSet(SentimentLabelSource Source, IReadOnlyList<LabelledComment> Comments, int Unlabelled)
{
    /// <summary>Fewest labelled comments a class needs: every fold of the cross-validation must hold some of each class.</summary>
    public static int MinimumPerClass(int folds) => Math.Max(10, 2 * folds);

    public IReadOnlyDictionary<string, int> ClassCounts =>
        SentimentClasses.All.ToDictionary(c => c, c => Comments.Count(x => x.Label == c), StringComparer.Ordinal);

    public static SentimentTrainingSet Read(FulcrumStore store, SentimentLabelSource source, int folds)
    {
        var valueSql = source.Kind switch
        {
            SentimentLabelKind.Nps => "CAST(nps AS VARCHAR)",
            SentimentLabelKind.Csat => "CAST(csat AS VARCHAR)",
            _ => $"attributes ->> '{source.Attribute!.Replace("'", "''", StringComparison.Ordinal)}'",
        };
        var rows = store.Query<(string ResponseId, string Comment, string? Value)>(
            $"SELECT response_id, comment, {valueSql} FROM responses WHERE comment IS NOT NULL AND trim(comment) <> '' ORDER BY response_id").ToList();
        if (rows.Count == 0)
            throw new SentimentTrainingException("No responses with a comment in this database: import responses with a comment column first (`fulcrum import responses FILE`).");

        var labelled = new List<LabelledComment>();
        var unmapped = new Dictionary<string, int>(StringComparer.Ordinal);
        var unlabelled = 0;
        foreach (var (responseId, comment, value) in rows)
        {
            if (string.IsNullOrWhiteSpace(value)) { unlabelled++; continue; }
            var label = source.Map(value);
            if (label is null) { unmapped[value] = unmapped.GetValueOrDefault(value) + 1; continue; }
            labelled.Add(new LabelledComment(responseId, TextCleaner.Clean(comment), label));
        }

        if (unmapped.Count > 0)
            throw new SentimentTrainingException($"{unmapped.Values.Sum():N0} comments have a {source} value that is not a sentiment label: "
                + string.Join(", ", unmapped.OrderByDescending(u => u.Value).ThenBy(u => u.Key, StringComparer.Ordinal).Take(12).Select(u => $"'{u.Key}' ({u.Value:N0})"))
                + (unmapped.Count > 12 ? $" and {unmapped.Count - 12} more" : "")
                + ". " + (source.Kind == SentimentLabelKind.ResponseAttribute
                    ? $"Accepted: {SentimentClasses.AcceptedValues}; fix or clear those values, or import the labels in one of these forms."
                    : $"Expected {source.Description}."));
        if (labelled.Count == 0)
            throw new SentimentTrainingException(source.Kind == SentimentLabelKind.ResponseAttribute
                ? $"None of the {rows.Count:N0} comments has a response attribute '{source.Attribute}'. Import the labels as a response attribute (mapping: responses → attributes) or train on nps/csat."
                : $"None of the {rows.Count:N0} comments was answered with a {source} score; train on a response attribute holding labels (rattr:NAME) instead.");

        var set = new SentimentTrainingSet(source, labelled, unlabelled);
        var minimum = MinimumPerClass(folds);
        var counts = set.ClassCounts;
        var present = counts.Where(c => c.Value > 0).ToList();
        var tooFew = present.Where(c => c.Value < minimum).ToList();
        if (present.Count < 2 || tooFew.Count > 0)
            throw new SentimentTrainingException($"Too few labelled comments per class to train and cross-validate with {folds} folds: "
                + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))
                + $" (each class present needs at least {minimum}, and at least two classes are needed). Label more comments"
                + (present.Count >= 2 ? " or use fewer folds (--folds)." : "."));
        return set;
    }
}
