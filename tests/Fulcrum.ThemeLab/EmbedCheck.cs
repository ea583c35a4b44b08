using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.ThemeLab;

/// <summary>`--embed-check STORE`: embeds the store's first comment sentences into an empty cache, reads them back, and counts vectors that differ.</summary>
internal static class EmbedCheck
{
    public static void Run(string path, int count)
    {
        List<string> texts;
        using (var source = FulcrumStore.Open(path))
            texts = Mentions.FromComments(new ThemeRepository(source).Comments().Select(c => TextCleaner.Clean(c.Comment)).ToList()).Text.Distinct().Take(count).ToList();
        var empty = Path.Combine(Path.GetTempPath(), $"embed-{Guid.NewGuid():N}.duckdb");
        try
        {
            using var store = FulcrumStore.Open(empty);
            using var embedder = new MiniLmEmbedder();
            var fresh = new EmbeddingCache(store).Embed(embedder, texts, out var embedded);
            var cached = new EmbeddingCache(store).Embed(embedder, texts, out var again);
            var direct = embedder.Embed(texts);
            var differ = Enumerable.Range(0, texts.Count).Count(i => !fresh[i].SequenceEqual(cached[i]));
            var differDirect = Enumerable.Range(0, texts.Count).Count(i => !fresh[i].SequenceEqual(direct[i]));
            var maxDirect = Enumerable.Range(0, texts.Count).Max(i => fresh[i].Zip(direct[i], (a, b) => Math.Abs(a - b)).Max());
            Console.WriteLine($"{texts.Count} texts: embedded {embedded}, then {again}; fresh vs cached differ {differ}; fresh vs a second embedding differ {differDirect} (max |Δ| {maxDirect:E2})");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(empty) + "*")) File.Delete(file);
        }
    }
}
