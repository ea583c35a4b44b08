using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// Storing a run's assignments writes only what changed (TableSync: staging table, then delete gone / update changed /
/// insert new), on DuckDB and on PostgreSQL.
/// </summary>
public abstract class ThemeStoreIncrementalTests(StoreBackend backend)
{
    FulcrumStore Open() => FulcrumStore.Open(backend == StoreBackend.PostgreSql ? PostgresCluster.Instance.CreateDatabase("fulcrum_themestore") : ":memory:");

    static readonly ResponseThemeRow[] Links =
    [
        new("R1", "T001", 0.71, -0.40, true),
        new("R1", "T002", 0.55, 0.10, false),
        new("R2", "T001", 0.62, -0.25, true),
        new("R3", "T003", 0.80, 0.65, true),
    ];

    static readonly ResponseSentimentRow[] Sentiment =
    [
        new("R1", -0.31, "negative", "lexicon"),
        new("R2", 0.0, "neutral", "lexicon"),
        new("R3", 0.72, "positive", "lexicon"),
    ];

    static List<ResponseSentimentRow> StoredSentiment(FulcrumStore store) =>
        store.Query<ResponseSentimentRow>("SELECT response_id AS ResponseId, score AS Score, label AS Label, method AS Method, language AS Language FROM response_sentiment ORDER BY response_id").ToList();

    /// <summary>The tables have no primary key (migration 0018): the writer alone keeps one row per key.</summary>
    internal static void AssertOneRowPerKey(FulcrumStore store)
    {
        Assert.Equal(store.Count("response_themes"), store.Scalar<long>("SELECT COUNT(*) FROM (SELECT DISTINCT response_id, theme_id FROM response_themes) k"));
        Assert.Equal(store.Count("response_sentiment"), store.Scalar<long>("SELECT COUNT(DISTINCT response_id) FROM response_sentiment"));
    }

    [Fact]
    public void The_first_store_inserts_every_row_and_an_identical_rerun_writes_nothing()
    {
        using var store = Open();
        var repository = new ThemeRepository(store);

        var first = repository.ReplaceAssignments(Links, Sentiment);
        Assert.Equal(new TableChanges(4, 0, 0), first.Themes);
        Assert.Equal(new TableChanges(3, 0, 0), first.Sentiment);

        var again = repository.ReplaceAssignments(Links, Sentiment);
        Assert.Equal(0, again.Written);
        Assert.Equal(Links, repository.Assignments());
        Assert.Equal(Sentiment, StoredSentiment(store));
        AssertOneRowPerKey(store);
    }

    [Fact]
    public void A_change_writes_only_the_changed_rows()
    {
        using var store = Open();
        var repository = new ThemeRepository(store);
        repository.ReplaceAssignments(Links, Sentiment);

        // R1 moves closer to T002 (one update), R2 no longer raises T001 (one delete), R4 is a new comment (one insert each).
        ResponseThemeRow[] links =
        [
            Links[0],
            Links[1] with { Similarity = 0.58 },
            Links[3],
            new("R4", "T002", 0.66, -0.05, true),
        ];
        ResponseSentimentRow[] sentiment = [.. Sentiment, new("R4", -0.05, "neutral", "lexicon")];
        var changes = repository.ReplaceAssignments(links, sentiment);

        Assert.Equal(new TableChanges(Inserted: 1, Updated: 1, Deleted: 1), changes.Themes);
        Assert.Equal(new TableChanges(Inserted: 1, Updated: 0, Deleted: 0), changes.Sentiment);
        Assert.Equal(links.OrderBy(l => l.ResponseId).ThenBy(l => l.ThemeId), repository.Assignments());
        Assert.Equal(sentiment, StoredSentiment(store));
        AssertOneRowPerKey(store);
    }

    [Fact]
    public void A_label_change_alone_is_an_update_and_storing_nothing_deletes_everything()
    {
        using var store = Open();
        var repository = new ThemeRepository(store);
        repository.ReplaceAssignments(Links, Sentiment);

        var relabelled = repository.ReplaceAssignments(Links, [Sentiment[0], Sentiment[1] with { Label = "positive", Score = 0.2 }, Sentiment[2]]);
        Assert.Equal(new TableChanges(0, 1, 0), relabelled.Sentiment);
        Assert.Equal(0, relabelled.Themes.Written);

        var emptied = repository.ReplaceAssignments([], []);
        Assert.Equal(new TableChanges(0, 0, 4), emptied.Themes);
        Assert.Equal(new TableChanges(0, 0, 3), emptied.Sentiment);
        Assert.Equal(0, store.Count("response_themes"));
    }
}

public sealed class ThemeStoreIncrementalTestsOnDuckDb() : ThemeStoreIncrementalTests(StoreBackend.DuckDb);

public sealed class ThemeStoreIncrementalTestsOnPostgreSql() : ThemeStoreIncrementalTests(StoreBackend.PostgreSql);

/// <summary>A whole theme run repeated on unchanged data stores nothing (small demo company, fast mode).</summary>
public sealed class ThemeRerunStoreTests
{
    [Fact]
    public void A_rerun_on_unchanged_data_writes_no_assignment_row()
    {
        using var store = ThemeEditTests.DemoStore();
        var first = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 8));
        var links = store.Count("response_themes");
        Assert.Equal(links, first.Stored!.Themes.Inserted);
        Assert.Equal(store.Count("response_sentiment"), first.Stored.Sentiment.Inserted);

        var second = ThemeAnalysis.Run(store, new ThemeOptions(Fast: true, K: 8));

        Assert.Equal(new AssignmentChanges(default, default), second.Stored);
        Assert.Equal(links, store.Count("response_themes"));
        ThemeStoreIncrementalTests.AssertOneRowPerKey(store);
    }
}
