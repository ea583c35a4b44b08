using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum themes` and its edit subcommands, run in-process on a small generated company (fast mode).</summary>
public sealed class ThemesCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-themes-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    [Theory]
    [InlineData("themes")]
    [InlineData("themes", "rename")]
    [InlineData("themes", "merge")]
    [InlineData("themes", "split")]
    [InlineData("themes", "define")]
    public void Every_themes_command_has_help(params string[] command) =>
        Assert.Equal(0, FulcrumApp.Run([.. command, "--help"]));

    [Fact]
    public void Themes_run_edit_and_rerun_in_tables_and_json()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--years", "2", "--seed", "3", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["themes", "--fast", "--clusters", "6", "--replicates", "200", "--db", Db]));
        string first;
        using (var store = FulcrumStore.Open(Db))
        {
            Assert.True(store.Count("response_themes") > 0);
            Assert.Equal("tfidf-lsa-64", store.Scalar<string>("SELECT DISTINCT model FROM themes WHERE status = 'active'"));
            first = store.Scalar<string>("SELECT MIN(theme_id) FROM themes WHERE status = 'active'");
        }
        Assert.Equal(0, FulcrumApp.Run(["themes", "rename", first, "Renamed", "--fast", "--clusters", "6", "--no-impact", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["themes", "define", "Integration", "--keyword", "integrat*", "--fast", "--clusters", "6", "--json", "--no-impact", "--db", Db]));
        using (var store = FulcrumStore.Open(Db))
        {
            Assert.Equal("Renamed", store.Scalar<string>("SELECT label FROM themes WHERE theme_id = $first", new { first }));
            Assert.Equal(1, store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE origin = 'defined' AND status = 'active'"));
        }
    }

    [Fact]
    public void Bad_options_and_unknown_themes_are_clear_errors()
    {
        Assert.NotEqual(0, FulcrumApp.Run(["themes", "--merge", "1.5", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["themes", "--min-share", "0.6", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["themes", "define", "Nothing", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "100", "--years", "1", "--seed", "3", "--db", Db]));
        Assert.Equal(64, FulcrumApp.Run(["themes", "rename", "T999", "x", "--fast", "--db", Db]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
