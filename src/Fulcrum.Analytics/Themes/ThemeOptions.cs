namespace Fulcrum.Analytics.Themes;

/// <summary>Options of a theme run.</summary>
/// <param name="Fast">Fast lexical mode (TF-IDF + hashing) instead of MiniLM sentence embeddings.</param>
/// <param name="K">Fixed number of themes discovered over the complaint and the other sentences together (--clusters); null lets the merge threshold and the minimum size decide.</param>
/// <param name="MergeSimilarity">Centroid cosine similarity at which two groups of sentences are one theme (--merge); null takes the embedder's default.</param>
/// <param name="MinThemeShare">Share of all sentences below which a theme is folded into its most similar neighbour (--min-share).</param>
/// <param name="Neighbours">Nearest neighbours of each distinct sentence in the graph whose communities start MiniLM discovery.</param>
/// <param name="Resolution">Modularity resolution of those communities (larger: more, smaller communities before merging).</param>
/// <param name="MatchSimilarity">Cosine similarity of centroids above which a new cluster is the same theme as a stored one (keeps its id).</param>
public sealed record ThemeOptions(
    bool Fast = false,
    int? K = null,
    double? MergeSimilarity = null,
    double MinThemeShare = 0.002,
    int Seed = 20_240_601,
    double MatchSimilarity = 0.8,
    int? Parallelism = null,
    int Neighbours = 20,
    double Resolution = 1.0)
{
    /// <summary>Fewest sentences a discovered theme keeps on its own, however small the data.</summary>
    public const int MinimumThemeSentences = 10;

    /// <summary>
    /// Default merge threshold (mean cosine of the sentences of two groups). MiniLM groups start as graph communities, already
    /// a topic each, so only near-duplicates (≥ 0.5) are merged; the lexical mode's k-means groups are small and its vectors
    /// share fewer dimensions, so its groups are merged down to a lower similarity.
    /// </summary>
    public static double DefaultMergeSimilarity(bool semantic) => semantic ? 0.5 : 0.2;

    public void Validate()
    {
        if (K is { } k) ArgumentOutOfRangeException.ThrowIfLessThan(k, 2, "--clusters");
        if (MergeSimilarity is { } m && m is <= 0 or >= 1) throw new ArgumentOutOfRangeException("--merge", m, "--merge must be in (0, 1).");
        if (MinThemeShare is < 0 or >= 0.5) throw new ArgumentOutOfRangeException("--min-share", MinThemeShare, "--min-share must be in [0, 0.5).");
        if (MatchSimilarity is <= 0 or > 1) throw new ArgumentOutOfRangeException("--match", MatchSimilarity, "--match must be in (0, 1].");
    }
}
