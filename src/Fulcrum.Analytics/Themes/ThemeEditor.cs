using System.Globalization;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// User edits of themes, persisted in the themes table and respected by every later run (see <see cref="ThemeReconciler"/>):
/// rename (label locked), merge (a new theme replaces the merged ones), split (the theme's comments are re-clustered into
/// parts on the next run) and define (a theme given by keywords or example sentences).
/// </summary>
public sealed class ThemeEditor(FulcrumStore store)
{
    readonly ThemeRepository _repository = new(store);

    public StoredTheme Rename(string themeId, string label)
    {
        var theme = _repository.Theme(themeId);
        theme.Label = RequireLabel(label);
        theme.LabelLocked = true;
        theme.UpdatedAt = DateTime.UtcNow;
        _repository.Upsert([theme]);
        return theme;
    }

    /// <summary>Merges two or more active themes into a new one whose centroid is the comment-weighted mean of theirs.</summary>
    public StoredTheme Merge(IReadOnlyList<string> themeIds, string? label)
    {
        if (themeIds.Count < 2) throw new ArgumentException("Merge needs at least two theme ids.");
        var all = _repository.Themes();
        var sources = themeIds.Select(id => all.FirstOrDefault(t => string.Equals(t.ThemeId, id, StringComparison.OrdinalIgnoreCase))
                                            ?? throw new ArgumentException($"No theme '{id}'. Run `fulcrum themes` to list the theme ids.")).DistinctBy(t => t.ThemeId).ToList();
        if (sources.Count < 2) throw new ArgumentException("Merge needs at least two different theme ids.");
        foreach (var s in sources)
            if (s.Status != ThemeStatus.Active) throw new ArgumentException($"Theme {s.ThemeId} is {s.Status}; only active themes can be merged.");
        if (sources.Select(s => s.Model).Distinct().Count() > 1 || sources.Any(s => s.Centroid.Length == 0))
            throw new ArgumentException("These themes come from different models (or were never run); run `fulcrum themes` with one mode first.");
        var counts = _repository.CommentCounts();
        var centroid = new float[sources[0].Centroid.Length];
        foreach (var s in sources)
        {
            var weight = Math.Max(1, counts.GetValueOrDefault(s.ThemeId));
            for (var d = 0; d < centroid.Length; d++) centroid[d] += weight * s.Centroid[d];
        }
        VectorMath.Normalize(centroid);
        var now = DateTime.UtcNow;
        var merged = new StoredTheme
        {
            ThemeId = ThemeRepository.NextId(all), Label = label is null ? string.Join(" + ", sources.Select(s => s.Label)) : RequireLabel(label),
            LabelLocked = label is not null, Origin = ThemeOrigin.Merged, Model = sources[0].Model, Centroid = centroid,
            Definition = "merged from " + string.Join(", ", sources.Select(s => s.ThemeId)), CreatedAt = now, UpdatedAt = now,
        };
        foreach (var s in sources) { s.Status = ThemeStatus.Merged; s.ParentId = merged.ThemeId; s.UpdatedAt = now; }
        _repository.Upsert(sources.Append(merged));
        return merged;
    }

    /// <summary>Marks an active theme to be split into <paramref name="parts"/> themes on the next run.</summary>
    public StoredTheme Split(string themeId, int parts)
    {
        if (parts is < 2 or > 10) throw new ArgumentOutOfRangeException(nameof(parts), parts, "A theme can be split into 2 to 10 parts.");
        var theme = _repository.Theme(themeId);
        if (theme.Status != ThemeStatus.Active) throw new ArgumentException($"Theme {theme.ThemeId} is {theme.Status}; only active themes can be split.");
        if (theme.Centroid.Length == 0) throw new ArgumentException($"Theme {theme.ThemeId} has not been run yet; run `fulcrum themes` first.");
        theme.Status = ThemeStatus.Split;
        theme.Definition = "parts=" + parts.ToString(CultureInfo.InvariantCulture);
        theme.UpdatedAt = DateTime.UtcNow;
        _repository.Upsert([theme]);
        return theme;
    }

    /// <summary>
    /// Defines a theme by keywords (matched literally: a comment sentence containing one raises the theme) and/or example
    /// sentences; both are embedded and their mean is the theme centroid, so similar sentences join it too.
    /// </summary>
    public StoredTheme Define(string label, IReadOnlyList<string> keywords, IReadOnlyList<string> examples)
    {
        var k = keywords.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var e = examples.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (k.Count + e.Count == 0) throw new ArgumentException("Define a theme with at least one keyword or example sentence.");
        if (k.Concat(e).Any(p => p.Contains('\n'))) throw new ArgumentException("A keyword or example must be on one line.");
        var all = _repository.Themes();
        var now = DateTime.UtcNow;
        var theme = new StoredTheme
        {
            ThemeId = ThemeRepository.NextId(all), Label = RequireLabel(label), LabelLocked = true, Origin = ThemeOrigin.Defined,
            Definition = string.Join("\n", k.Select(x => "keyword: " + x).Concat(e.Select(x => "example: " + x))),
            Model = "", Centroid = [], CreatedAt = now, UpdatedAt = now,
        };
        _repository.Upsert([theme]);
        return theme;
    }

    static string RequireLabel(string label) =>
        string.IsNullOrWhiteSpace(label) ? throw new ArgumentException("A theme label cannot be empty.") : label.Trim();
}
