using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum store copy` and `fulcrum store distribute` from the command line.</summary>
public sealed class StoreBackendCommandsTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-store-cli-").FullName;

    [Fact]
    public void Store_copy_moves_a_company_to_PostgreSQL_and_reports_every_table_verified()
    {
        var file = Path.Combine(_directory, "demo.duckdb");
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "80", "--seed", "2", "--db", file]));
        var server = PostgresCluster.Instance.Url(PostgresCluster.Instance.CreateDatabase("fulcrum_cli_copy"));

        using (var console = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["store", "copy", "--from", file, "--to", server]));
            Assert.Contains("row counts and checksums match", console.Spectre, StringComparison.Ordinal);
            Assert.DoesNotContain("| no", console.Spectre, StringComparison.Ordinal);
        }
        using (var console = new ConsoleCapture())
        {
            Assert.Equal(1, FulcrumApp.Run(["store", "copy", "--from", file, "--to", server]));
            Assert.Contains("already holds data", console.Spectre, StringComparison.Ordinal);
        }
        using var copy = FulcrumStore.Open(server);
        Assert.Equal(80, copy.Count("accounts"));
    }

    [Fact]
    public void Store_distribute_shows_the_plan_and_explains_itself_without_Citus()
    {
        var server = PostgresCluster.Instance.CreateDatabase("fulcrum_cli_citus");
        using var console = new ConsoleCapture();

        Assert.Equal(1, FulcrumApp.Run(["store", "distribute", "--db", server]));

        var lines = console.Spectre.Split('\n');
        Assert.Contains(lines, l => l.Contains("accounts ", StringComparison.Ordinal) && l.Contains("distributed on account_id", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("outcomes ", StringComparison.Ordinal) && l.Contains("distributed on account_id", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("assumptions ", StringComparison.Ordinal) && l.Contains("reference", StringComparison.Ordinal));
        // Since migration 0013 the big tables' keys start with account_id, so they are distributed too.
        foreach (var big in new[] { "responses ", "tickets ", "orders ", "reference_requests " })
            Assert.Contains(lines, l => l.Contains(big, StringComparison.Ordinal) && l.Contains("distributed on account_id", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("response_themes ", StringComparison.Ordinal) && l.Contains("stays on the coordinator", StringComparison.Ordinal));
        Assert.Contains("has no Citus extension, so nothing was changed", console.Spectre, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", console.Spectre, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Store_distribute_on_a_DuckDB_file_says_it_needs_PostgreSQL()
    {
        using var console = new ConsoleCapture();
        Assert.Equal(FulcrumApp.UsageError, FulcrumApp.Run(["store", "distribute", "--db", Path.Combine(_directory, "local.duckdb")]));
        Assert.Contains("this store is a DuckDB file", console.Spectre, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
