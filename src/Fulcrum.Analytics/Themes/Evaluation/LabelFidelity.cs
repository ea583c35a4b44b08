using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes.Evaluation;

/// <summary>
/// Whether a theme's label says what the theme holds, as a reader checks it: the label shares a content word with the theme's
/// representative sentences (its most central mentions, shown beside the label). Words are compared by their first five
/// letters, a crude stem ("integration" ~ "integrate", "tickets" ~ "ticket"); stop words and one-letter words do not count.
/// A label with nothing in common with the sentences beside it ("An offline mode" over "We couldn't do our jobs without
/// it") describes a minority of the theme, not its bulk.
/// </summary>
public static class LabelFidelity
{
    const int StemLength = 5;

    public static bool IsFaithful(string label, IEnumerable<string> representatives)
    {
        var shown = representatives.SelectMany(Stems).ToHashSet(StringComparer.Ordinal);
        return Stems(label).Any(shown.Contains);
    }

    /// <summary>Share of faithful labels among the themes (null without themes).</summary>
    public static double? Share(IReadOnlyList<(string Label, IReadOnlyList<string> Representatives)> themes) =>
        themes.Count == 0 ? null : (double)themes.Count(t => IsFaithful(t.Label, t.Representatives)) / themes.Count;

    static IEnumerable<string> Stems(string text) =>
        Tokens.Words(text).Where(w => w.Length > 2 && !Tokens.StopWords.Contains(w)).Select(w => w.Length > StemLength ? w[..StemLength] : w);
}
