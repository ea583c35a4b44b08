using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// One MiniLM embedder per test process that keeps every vector it made. The airline tests embed the sentences of the
/// same 14,485 tweets (minutes of CPU), and a MiniLM vector depends on its text only. Calls run one at a time, so a test
/// that asks while another embeds waits, then reads the vectors instead of computing them again.
/// </summary>
internal sealed class SharedMiniLm : ITextEmbedder
{
    static readonly Lazy<SharedMiniLm> Instance = new(() => new SharedMiniLm());

    readonly MiniLmEmbedder _model = new();
    readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    readonly Lock _gate = new();

    SharedMiniLm() { }

    public static SharedMiniLm Embedder => Instance.Value;

    public string Model => _model.Model;
    public int Dimension => _model.Dimension;
    public bool DependsOnTextOnly => _model.DependsOnTextOnly;
    public bool Semantic => _model.Semantic;
    public bool EnglishOnly => _model.EnglishOnly;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
            var made = _model.Embed(missing, cancellationToken: cancellationToken);
            for (var i = 0; i < missing.Count; i++) _vectors[missing[i]] = made[i];
            progress?.Report(texts.Count);
            // Copies: a caller may scale or normalise the vectors it is given.
            return texts.Select(t => (float[])_vectors[t].Clone()).ToArray();
        }
    }

    /// <summary>The process keeps the model; tests borrow it.</summary>
    public void Dispose() { }
}
