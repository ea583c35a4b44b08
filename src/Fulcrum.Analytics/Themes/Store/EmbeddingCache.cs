using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Store;

/// <summary>
/// Sentence embeddings cached in text_embeddings by (SHA-256 of the cleaned text, model): a re-run embeds only text it
/// has not seen. Embedders whose vectors depend on the corpus (the fast lexical mode) bypass the cache.
/// </summary>
public sealed class EmbeddingCache(FulcrumStore store)
{
    /// <summary>Vectors for the distinct texts, in order; <paramref name="newlyEmbedded"/> is how many were computed now.</summary>
    public float[][] Embed(ITextEmbedder embedder, IReadOnlyList<string> texts, out int newlyEmbedded,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!embedder.DependsOnTextOnly)
        {
            newlyEmbedded = texts.Count;
            return embedder.Embed(texts, progress, cancellationToken);
        }
        var hashes = texts.Select(TextCleaner.Hash).ToArray();
        var wanted = hashes.ToHashSet(StringComparer.Ordinal);
        var cached = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (hash, vector) in store.Query<(string, string)>(
                     "SELECT text_hash, to_base64(vector) FROM text_embeddings WHERE model = $model AND dimension = $dimension",
                     new { model = embedder.Model, dimension = embedder.Dimension }))
            if (wanted.Contains(hash)) cached[hash] = VectorMath.FromBytes(Convert.FromBase64String(vector));

        var missing = Enumerable.Range(0, texts.Count).Where(i => !cached.ContainsKey(hashes[i])).ToList();
        newlyEmbedded = missing.Count;
        if (missing.Count > 0)
        {
            var vectors = embedder.Embed(missing.Select(i => texts[i]).ToList(), progress, cancellationToken);
            var now = DateTime.UtcNow;
            using var transaction = store.BeginTransaction();
            using (var writer = store.BulkWriter("text_embeddings"))
                for (var m = 0; m < missing.Count; m++)
                {
                    var hash = hashes[missing[m]];
                    if (!cached.TryAdd(hash, vectors[m])) continue;
                    writer.Row(hash, embedder.Model, embedder.Dimension, VectorMath.ToBytes(vectors[m]), now);
                }
            transaction.Commit();
        }
        return hashes.Select(h => cached[h]).ToArray();
    }
}
