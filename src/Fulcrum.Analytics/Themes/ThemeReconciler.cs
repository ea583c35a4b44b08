using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// Keeps theme ids stable across runs and respects user edits: each newly discovered cluster is matched to the stored
/// themes by centroid cosine similarity (greedy, most similar pair first, at or above the match threshold).
/// </summary>
/// <remarks>
/// A cluster matching a discovered theme (active or retired) takes over its id, one cluster per theme, and refreshes its
/// centroid; a cluster matching a user-made theme (defined, merged or split) is absorbed by it (the user's theme keeps its
/// centroid), as is one matching a theme that was merged away (absorbed by its merge target) or split (absorbed by its
/// parts). Unmatched clusters become new themes with new ids; discovered themes not found again are retired (and come
/// back with their id when found later). Only centroids of the run's model are compared.
/// </remarks>
public static class ThemeReconciler
{
    /// <summary>Jaccard overlap of comments above which a cluster is the same theme as a stored one when centroids cannot be compared.</summary>
    public const double OverlapThreshold = 0.5;

    /// <summary>
    /// Jaccard overlap of every cluster's comments with every stored theme's (0 for a theme without stored comments), counted
    /// in one pass over the clusters' comments: a pairwise set intersection per cluster and theme cost hours at a million comments.
    /// </summary>
    static double[,] Overlaps(IReadOnlyList<HashSet<string>> clusterResponses, IReadOnlyList<StoredTheme> stored, IReadOnlyDictionary<string, HashSet<string>> storedResponses)
    {
        var themesOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sizes = new int[stored.Count];
        for (var t = 0; t < stored.Count; t++)
        {
            if (!storedResponses.TryGetValue(stored[t].ThemeId, out var responses)) continue;
            sizes[t] = responses.Count;
            foreach (var r in responses) (themesOf.TryGetValue(r, out var list) ? list : themesOf[r] = []).Add(t);
        }
        var overlaps = new double[clusterResponses.Count, stored.Count];
        for (var c = 0; c < clusterResponses.Count; c++)
        {
            var both = new int[stored.Count];
            foreach (var r in clusterResponses[c])
                if (themesOf.TryGetValue(r, out var list)) foreach (var t in list) both[t]++;
            for (var t = 0; t < stored.Count; t++)
            {
                var union = clusterResponses[c].Count + sizes[t] - both[t];
                overlaps[c, t] = storedResponses.ContainsKey(stored[t].ThemeId) && union > 0 ? (double)both[t] / union : 0;
            }
        }
        return overlaps;
    }

    /// <param name="Complaint">Per theme id that holds a cluster of this run (matched or created): whether that cluster was
    /// discovered among complaint sentences. A user-made theme is absent: its kind is read from its sentences.</param>
    public sealed record Result(IReadOnlyList<StoredTheme> All, IReadOnlyList<StoredTheme> Active, int Matched, int Created, int Absorbed, int Retired,
        IReadOnlyDictionary<string, bool> Complaint);

    /// <param name="clusterResponses">Responses each new cluster's mentions come from (for the overlap match), or null.</param>
    /// <param name="storedResponses">Responses each stored theme was assigned in the previous run, or null.</param>
    public static Result Reconcile(List<StoredTheme> stored, IReadOnlyList<DiscoveredCluster> clusters, string model, double matchSimilarity, DateTime now,
        IReadOnlyList<HashSet<string>>? clusterResponses = null, IReadOnlyDictionary<string, HashSet<string>>? storedResponses = null)
    {
        var comparable = stored.Where(t => t.Model == model && t.Centroid.Length == (clusters.Count > 0 ? clusters[0].Centroid.Length : -1)).ToList();
        var pairs = new List<(int Cluster, StoredTheme Theme, float Similarity)>();
        var overlaps = clusterResponses is not null && storedResponses is not null ? Overlaps(clusterResponses, stored, storedResponses) : null;
        for (var c = 0; c < clusters.Count; c++)
            for (var i = 0; i < stored.Count; i++)
            {
                var t = stored[i];
                // Same model: centroid similarity. Otherwise (another model, or the fast mode's corpus-dependent space after the
                // corpus changed) the Jaccard overlap of the comments: the same theme is raised by mostly the same comments.
                var centroid = comparable.Contains(t) ? VectorMath.Dot(clusters[c].Centroid, t.Centroid) : float.NaN;
                var overlap = overlaps?[c, i] ?? 0;
                if (centroid >= matchSimilarity) pairs.Add((c, t, centroid));
                else if (overlap >= OverlapThreshold) pairs.Add((c, t, (float)overlap));
            }
        var clusterDone = new bool[clusters.Count];
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        int matched = 0, absorbed = 0;
        var complaint = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (c, theme, _) in pairs.OrderByDescending(p => p.Similarity).ThenBy(p => p.Cluster).ThenBy(p => p.Theme.ThemeId, StringComparer.Ordinal))
        {
            if (clusterDone[c]) continue;
            var userMade = theme.Origin != ThemeOrigin.Discovered || theme.Status is ThemeStatus.Merged or ThemeStatus.Split;
            if (userMade)
            {
                clusterDone[c] = true;
                absorbed++;
                continue;
            }
            if (!claimed.Add(theme.ThemeId)) continue;
            clusterDone[c] = true;
            matched++;
            complaint[theme.ThemeId] = clusters[c].Complaint;
            theme.Status = ThemeStatus.Active;
            theme.Centroid = clusters[c].Centroid;
            theme.Model = model;
            theme.UpdatedAt = now;
        }
        var retired = 0;
        foreach (var t in stored.Where(t => t.Origin == ThemeOrigin.Discovered && t.Status == ThemeStatus.Active && !claimed.Contains(t.ThemeId)))
        {
            t.Status = ThemeStatus.Retired;
            t.UpdatedAt = now;
            retired++;
        }
        var created = 0;
        var all = stored.ToList();
        for (var c = 0; c < clusters.Count; c++)
        {
            if (clusterDone[c]) continue;
            var theme = new StoredTheme
            {
                ThemeId = ThemeRepository.NextId(all), Label = "", Origin = ThemeOrigin.Discovered, Model = model,
                Centroid = clusters[c].Centroid, CreatedAt = now, UpdatedAt = now,
            };
            all.Add(theme);
            complaint[theme.ThemeId] = clusters[c].Complaint;
            created++;
        }
        var active = all.Where(t => t.Status == ThemeStatus.Active && t.Model == model && t.Centroid.Length > 0).ToList();
        return new Result(all, active, matched, created, absorbed, retired, complaint);
    }
}
