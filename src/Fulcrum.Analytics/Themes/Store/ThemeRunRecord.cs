using System.Globalization;
using System.Text.Json;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Store;

/// <summary>
/// What the last theme run found the themes with (its embedding model), when, and the state of the data it read: so
/// `analyze --fast` can keep themes MiniLM found on the same comments instead of replacing them with lexical ones.
/// </summary>
/// <param name="Semantic">The model reads meaning (MiniLM), not shared words (the lexical --fast vectors).</param>
/// <param name="Fingerprint">The data the run read and the themes it left (<see cref="CurrentFingerprint"/>), taken as it finished.</param>
public sealed record ThemeRunRecord(string Model, bool Semantic, DateTime At, string Fingerprint)
{
    const string Key = "themes_last_run";

    /// <summary>Records the run that just stored its themes; the fingerprint is taken now, after its writes.</summary>
    public static void Save(FulcrumStore store, string model, bool semantic, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.SetMetadata(Key, JsonSerializer.Serialize(new ThemeRunRecord(model, semantic, at, CurrentFingerprint(store))));
    }

    /// <summary>The last run's record, or null when no run recorded one (a store from before the record, or none yet).</summary>
    public static ThemeRunRecord? Last(FulcrumStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.GetMetadata(Key) is not { } json) return null;
        try { return JsonSerializer.Deserialize<ThemeRunRecord>(json); }
        catch (JsonException) { return null; }
    }

    /// <summary>Nothing the run depended on has changed since (comments, scores, theme edits, the trained sentiment model).</summary>
    public bool IsCurrent(FulcrumStore store) => Fingerprint == CurrentFingerprint(store);

    /// <summary>
    /// What a theme run's result depends on: the store's data version (every import, intake, edit and generation bumps it, so
    /// changed comments or scores do), the commented answers (rows changed behind Fulcrum's back), the themes as stored
    /// (a rename, merge, split or new definition changes their count or last update) and the trained sentiment model.
    /// Conservative: a change elsewhere (an assumption edited) also counts as a change.
    /// </summary>
    public static string CurrentFingerprint(FulcrumStore store)
    {
        // One row, read by position: comments, the themes' count and last update, the trained model's date.
        var (comments, themes, sentiment) = store.Query<(string, string, string)>("""
            SELECT CAST((SELECT COUNT(comment) FROM responses) AS VARCHAR),
                   (SELECT CAST(COUNT(*) AS VARCHAR) || '@' || COALESCE(CAST(MAX(updated_at) AS VARCHAR), '') FROM themes),
                   COALESCE((SELECT CAST(trained_at AS VARCHAR) FROM sentiment_models WHERE id = 1), 'no trained model')
            """).Single();
        return string.Join("|", store.DataVersion().ToString(CultureInfo.InvariantCulture), comments, themes, sentiment);
    }
}
