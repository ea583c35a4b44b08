using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// The commented responses a theme run reads, as much of them as it needs: each response's id, its NPS answer and its comment
/// cleaned (<see cref="TextCleaner.Clean"/>). The comments are streamed from the store in batches and each raw text is dropped
/// once cleaned; repeated comments share one cleaned string. At a million comments the raw rows and a second copy of every
/// text were a few hundred MB of the run's peak.
/// </summary>
public sealed class CommentCorpus
{
    /// <summary>Comments read from the store at a time.</summary>
    public const int BatchSize = 65_536;

    public required IReadOnlyList<string> ResponseIds { get; init; }
    public required IReadOnlyList<int?> Nps { get; init; }
    public required IReadOnlyList<string> Cleaned { get; init; }

    public int Count => ResponseIds.Count;

    /// <summary>Every commented response in the store, in response order (<see cref="ThemeRepository.CommentBatches"/>).</summary>
    public static CommentCorpus Read(ThemeRepository repository)
    {
        var ids = new List<string>();
        var nps = new List<int?>();
        var cleaned = new List<string>();
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var batchCleaned = new string[BatchSize];
        foreach (var batch in repository.CommentBatches(BatchSize))
        {
            Parallel.For(0, batch.Count, i => batchCleaned[i] = TextCleaner.Clean(batch[i].Comment));
            for (var i = 0; i < batch.Count; i++)
            {
                ids.Add(batch[i].ResponseId);
                nps.Add(batch[i].Nps);
                if (!shared.TryGetValue(batchCleaned[i], out var known)) shared.Add(known = batchCleaned[i]);
                cleaned.Add(known);
            }
        }
        return new CommentCorpus { ResponseIds = ids, Nps = nps, Cleaned = cleaned };
    }
}
