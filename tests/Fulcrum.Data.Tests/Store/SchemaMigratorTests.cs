using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Store;

public sealed class SchemaMigratorTests : IDisposable
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"fulcrum-migrator-{Guid.NewGuid():N}.duckdb");

    [Fact]
    public void A_new_store_records_every_migration()
    {
        using var store = FulcrumStore.Open(_path);
        var versions = store.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version), versions);
        Assert.Equal(SchemaMigrator.LatestVersion, store.SchemaVersion);
    }

    [Fact]
    public void A_migration_that_landed_below_the_highest_applied_one_is_still_applied()
    {
        // Features built side by side can land migrations out of order: a database may hold 0005 but not 0004.
        using (var store = FulcrumStore.Open(_path))
        {
            foreach (var table in new[] { "response_themes", "response_sentiment", "themes", "text_embeddings" })
                store.Execute($"DROP TABLE {table}");
            store.Execute("DELETE FROM schema_migrations WHERE version = 4");
        }

        using var reopened = FulcrumStore.Open(_path);

        Assert.Equal(0, reopened.Count("response_themes"));
        Assert.Contains(4, reopened.Query<int>("SELECT version FROM schema_migrations"));
    }

    [Fact]
    public void A_database_with_a_migration_this_build_does_not_know_is_refused()
    {
        using (var store = FulcrumStore.Open(_path))
            store.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', now())");

        var error = Assert.Throws<InvalidOperationException>(() => FulcrumStore.Open(_path));
        Assert.Contains("999", error.Message);
        Assert.Contains("Upgrade Fulcrum", error.Message);
    }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }
}
