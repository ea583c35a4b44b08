namespace Fulcrum.Analytics.Themes;

/// <summary>Options of a theme run.</summary>
/// <param name="Fast">Fast lexical mode (TF-IDF + hashing) instead of MiniLM sentence embeddings.</param>
/// <param name="K">Fixed number of themes discovered in each sentence group (negative, other) (--clusters); null chooses it by silhouette between MinK and MaxK.</param>
/// <param name="MatchSimilarity">Cosine similarity of centroids above which a new cluster is the same theme as a stored one (keeps its id).</param>
/// <param name="SilhouetteSample">Mentions sampled to choose k.</param>
public sealed record ThemeOptions(
    bool Fast = false,
    int? K = null,
    int MinK = 6,
    int MaxK = 20,
    int Seed = 20_240_601,
    double MatchSimilarity = 0.8,
    int SilhouetteSample = 2000,
    int? Parallelism = null)
{
    public void Validate()
    {
        if (K is { } k) ArgumentOutOfRangeException.ThrowIfLessThan(k, 2, "--clusters");
        ArgumentOutOfRangeException.ThrowIfLessThan(MinK, 2, "--min-k");
        if (MaxK < MinK) throw new ArgumentOutOfRangeException("--max-k", MaxK, $"--max-k ({MaxK}) must be at least --min-k ({MinK}).");
        if (MatchSimilarity is <= 0 or > 1) throw new ArgumentOutOfRangeException("--match", MatchSimilarity, "--match must be in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(SilhouetteSample, 50, "--sample");
    }
}
