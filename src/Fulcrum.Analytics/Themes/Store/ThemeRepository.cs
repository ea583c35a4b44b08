using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Themes.Store;

/// <summary>A comment to analyse.</summary>
/// <summary>A commented response: its id, comment and NPS answer (null when not asked).</summary>
public sealed record CommentRow(string ResponseId, string Comment, int? Nps);

/// <summary>A response's link to a theme, as stored in response_themes (Sentiment null: no sentiment model for its language).</summary>
public sealed record ResponseThemeRow(string ResponseId, string ThemeId, double Similarity, double? Sentiment, bool IsPrimary);

/// <summary>
/// A response's sentiment, as stored in response_sentiment: Score and Label are null when its language has no sentiment model
/// (Method says so); Language is the detected language (ISO 639-1).
/// </summary>
public sealed record ResponseSentimentRow(string ResponseId, double? Score, string? Label, string Method, string? Language = null);

/// <summary>What storing a run's assignments wrote: rows of response_themes and of response_sentiment.</summary>
public sealed record AssignmentChanges(TableChanges Themes, TableChanges Sentiment)
{
    public long Written => Themes.Written + Sentiment.Written;

    public override string ToString() => $"theme links {Themes}; comment sentiment {Sentiment}";
}

/// <summary>Reads and writes the theme tables (themes, response_themes, response_sentiment, text_embeddings).</summary>
public sealed class ThemeRepository(FulcrumStore store)
{
    public FulcrumStore Store => store;

    const string CommentsSql = "SELECT response_id AS ResponseId, comment AS Comment, CAST(nps AS INTEGER) AS Nps FROM responses WHERE comment IS NOT NULL AND trim(comment) <> '' ORDER BY response_id";

    public IReadOnlyList<CommentRow> Comments() => store.Query<CommentRow>(CommentsSql).ToList();

    /// <summary>
    /// The same comments as <see cref="Comments"/>, read from the store <paramref name="batchSize"/> at a time: a caller that
    /// keeps only what it derives from each batch never holds every comment's text at once.
    /// </summary>
    public IEnumerable<IReadOnlyList<CommentRow>> CommentBatches(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var reader = store.ExecuteReader(CommentsSql);
        var batch = new List<CommentRow>(batchSize);
        while (reader.Read())
        {
            batch.Add(new CommentRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
            if (batch.Count < batchSize) continue;
            yield return batch;
            batch = new List<CommentRow>(batchSize);
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The names of the company's products (subscriptions).</summary>
    public IReadOnlyList<string> ProductNames() =>
        store.Query<string>("SELECT DISTINCT product FROM subscriptions WHERE product IS NOT NULL ORDER BY product").ToList();

    public List<StoredTheme> Themes() =>
        store.Query<ThemeRow>("""
            SELECT theme_id, label, label_locked, keywords, definition, origin, status, parent_id, model, to_base64(centroid) AS centroid,
                   CAST(representatives AS VARCHAR) AS representatives, created_at, updated_at
            FROM themes ORDER BY theme_id
            """).Select(r => new StoredTheme
        {
            ThemeId = r.theme_id, Label = r.label, LabelLocked = r.label_locked, Keywords = r.keywords, Definition = r.definition,
            Origin = r.origin, Status = r.status, ParentId = r.parent_id, Model = r.model, Centroid = VectorMath.FromBytes(Convert.FromBase64String(r.centroid)),
            Representatives = r.representatives, CreatedAt = r.created_at, UpdatedAt = r.updated_at,
        }).ToList();

    public StoredTheme Theme(string themeId) =>
        Themes().FirstOrDefault(t => string.Equals(t.ThemeId, themeId, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No theme '{themeId}'. Run `fulcrum themes` to list the theme ids.");

    public void Upsert(IEnumerable<StoredTheme> themes, DbTransaction? transaction = null)
    {
        foreach (var t in themes)
            store.Execute("""
                INSERT INTO themes (theme_id, label, label_locked, keywords, definition, origin, status, parent_id, model, dimension, centroid,
                                    representatives, created_at, updated_at)
                VALUES ($id, $label, $locked, $keywords, $definition, $origin, $status, $parent, $model, $dimension, $centroid,
                        CAST($representatives AS JSON), $created, $updated)
                ON CONFLICT (theme_id) DO UPDATE SET label = excluded.label, label_locked = excluded.label_locked, keywords = excluded.keywords,
                    definition = excluded.definition, status = excluded.status, parent_id = excluded.parent_id, model = excluded.model,
                    dimension = excluded.dimension, centroid = excluded.centroid, representatives = excluded.representatives,
                    updated_at = excluded.updated_at
                """, new
            {
                id = t.ThemeId, label = t.Label, locked = t.LabelLocked, keywords = t.Keywords, definition = t.Definition, origin = t.Origin,
                status = t.Status, parent = t.ParentId, model = t.Model, dimension = t.Centroid.Length, centroid = VectorMath.ToBytes(t.Centroid),
                representatives = t.Representatives, created = t.CreatedAt, updated = t.UpdatedAt,
            }, transaction);
    }

    /// <summary>
    /// Makes the stored assignments and sentiment rows exactly these (one run describes every comment), writing only what
    /// changed: a re-run on unchanged data writes nothing, and a new comment writes its own rows (see <see cref="TableSync"/>).
    /// Both tables change in one transaction, with whatever <paramref name="alsoInTransaction"/> writes after them. The rows
    /// are enumerated once, as they are written, so a caller can produce them lazily instead of holding millions of row objects.
    /// </summary>
    public AssignmentChanges ReplaceAssignments(IEnumerable<ResponseThemeRow> themes, IEnumerable<ResponseSentimentRow> sentiment,
        Action<DbTransaction>? alsoInTransaction = null)
    {
        // One values array for every row (the writer copies a row's values as it takes them): millions of rows.
        using var themeRows = TableSync.Stage(store, "response_themes", ["response_id", "theme_id"], ["similarity", "sentiment", "is_primary"], writer =>
        {
            var values = new object?[5];
            foreach (var r in themes)
            {
                (values[0], values[1], values[2], values[3], values[4]) = (r.ResponseId, r.ThemeId, r.Similarity, r.Sentiment, r.IsPrimary ? True : False);
                writer.Row(values);
            }
        });
        using var sentimentRows = TableSync.Stage(store, "response_sentiment", ["response_id"], ["score", "label", "method", "language"], writer =>
        {
            var values = new object?[5];
            foreach (var r in sentiment)
            {
                (values[0], values[1], values[2], values[3], values[4]) = (r.ResponseId, r.Score, r.Label, r.Method, r.Language);
                writer.Row(values);
            }
        });
        using var transaction = store.BeginTransaction();
        var changes = new AssignmentChanges(themeRows.Apply(transaction), sentimentRows.Apply(transaction));
        alsoInTransaction?.Invoke(transaction);
        transaction.Commit();
        return changes;
    }

    static readonly object True = true, False = false;

    public IReadOnlyList<ResponseThemeRow> Assignments() =>
        store.Query<ResponseThemeRow>("SELECT response_id AS ResponseId, theme_id AS ThemeId, similarity AS Similarity, sentiment AS Sentiment, is_primary AS IsPrimary FROM response_themes ORDER BY response_id, theme_id").ToList();

    /// <summary>The responses raising each theme in the latest run.</summary>
    public Dictionary<string, HashSet<string>> ResponsesByTheme()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (themeId, responseId) in store.Query<(string, string)>("SELECT theme_id, response_id FROM response_themes"))
            (result.TryGetValue(themeId, out var set) ? set : result[themeId] = new HashSet<string>(StringComparer.Ordinal)).Add(responseId);
        return result;
    }

    /// <summary>Number of comments raising each theme in the latest run.</summary>
    public IReadOnlyDictionary<string, long> CommentCounts() =>
        store.Query<(string ThemeId, long N)>("SELECT theme_id, COUNT(*) FROM response_themes GROUP BY theme_id").ToDictionary(r => r.ThemeId, r => r.N);

    /// <summary>Next free theme id (T001, T002, …); ids are never reused.</summary>
    public static string NextId(IEnumerable<StoredTheme> themes, int offset = 0)
    {
        var max = themes.Select(t => t.ThemeId.Length > 1 && t.ThemeId[0] == 'T' && int.TryParse(t.ThemeId[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return "T" + (max + 1 + offset).ToString("D3", CultureInfo.InvariantCulture);
    }

    public static string RepresentativesJson(IReadOnlyList<string> texts) => JsonSerializer.Serialize(texts);

    public static IReadOnlyList<string> ParseRepresentatives(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

#pragma warning disable IDE1006, CS8618 // Dapper maps columns by name
    sealed class ThemeRow
    {
        public string theme_id { get; set; }
        public string label { get; set; }
        public bool label_locked { get; set; }
        public string keywords { get; set; }
        public string? definition { get; set; }
        public string origin { get; set; }
        public string status { get; set; }
        public string? parent_id { get; set; }
        public string model { get; set; }
        public string centroid { get; set; } // base64: DuckDB.NET returns BLOBs as streams
        public string? representatives { get; set; }
        public DateTime created_at { get; set; }
        public DateTime updated_at { get; set; }
    }
#pragma warning restore IDE1006, CS8618
}
