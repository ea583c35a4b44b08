using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>Runs the real command line in-process against a temporary database.</summary>
public sealed class CliCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cli-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    [Theory]
    [InlineData("demo")]
    [InlineData("generate")]
    [InlineData("import")]
    [InlineData("status")]
    [InlineData("rejects")]
    [InlineData("metrics")]
    [InlineData("drilldown")]
    [InlineData("growth-check")]
    [InlineData("alerts")]
    [InlineData("cohorts")]
    public void Every_command_has_help(string command) =>
        Assert.Equal(0, FulcrumApp.Run([command, "--help"]));

    [Fact]
    public void Version_prints_the_builds_version()
    {
        // As its own process: in-process, Spectre writes the version to the console it met first, not a capture.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new System.Diagnostics.ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(FulcrumApp).Assembly.Location, "--version" }) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"`fulcrum --version` failed: {errors}");
        Assert.Matches(@"^\d+\.\d+\.\d+", FulcrumApp.Version);
        Assert.Equal(FulcrumApp.Version, output.Trim());
    }

    [Fact]
    public void Generate_then_status_reports_the_company()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--seed", "3", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["status", "--db", Db]));
        using var store = FulcrumStore.Open(Db);
        Assert.Equal(200, store.Count("accounts"));
        Assert.True(store.Count("responses") > 1_000);
    }

    [Fact]
    public void Demo_runs_end_to_end()
    {
        Assert.Equal(0, FulcrumApp.Run(["demo", "--accounts", "300", "--db", Db]));
        using var store = FulcrumStore.Open(Db);
        Assert.True(store.Count("ground_truth") >= 10);
    }

    [Fact]
    public void Analysis_commands_run_on_a_generated_company_in_tables_and_json()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "400", "--seed", "5", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["metrics", "--by", "segment", "--period", "year", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["metrics", "--metric", "nps,cost_to_serve", "--weight", "arr", "--json", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drilldown", "--depth", "2", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["growth-check", "--no-pairs", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["growth-check", "--before", "2023-01-01:2023-12-31", "--after", "2025-01-01:2025-12-31", "--json", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["alerts", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["cohorts", "--db", Db]));
    }

    [Theory]
    [InlineData("metrics", "--by", "colour")]
    [InlineData("metrics", "--metric", "happiness")]
    [InlineData("metrics", "--weight", "heavy")]
    [InlineData("metrics", "--period", "fortnight")]
    [InlineData("metrics", "--from", "2024-13-01")]
    [InlineData("drilldown", "--depth", "9")]
    [InlineData("growth-check", "--before", "2023-01-01:2023-12-31")]
    [InlineData("growth-check", "--before", "2023", "--after", "2024")]
    [InlineData("growth-check", "--fdr", "2")]
    public void Analysis_options_are_validated_with_a_clear_error(params string[] args)
    {
        Assert.NotEqual(0, FulcrumApp.Run([.. args, "--db", Db]));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Invalid_generate_options_are_refused_before_doing_anything()
    {
        Assert.NotEqual(0, FulcrumApp.Run(["generate", "--accounts", "5", "--db", Db]));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Import_of_a_file_with_a_bad_row_exits_65_and_writes_nothing()
    {
        var accounts = Path.Combine(_directory, "accounts.csv");
        File.WriteAllText(accounts, "account_id,segment\nA1,SMB\nA2,SMB\n");
        var responses = Path.Combine(_directory, "responses.csv");
        File.WriteAllText(responses, "response_id,account_id,responded_at,nps\nR1,A1,2024-01-01T10:00:00Z,9\nR2,A2,2024-01-02T10:00:00Z,11\n");

        Assert.Equal(0, FulcrumApp.Run(["import", "accounts", accounts, "--db", Db]));
        Assert.Equal(FulcrumApp.DataError, FulcrumApp.Run(["import", "responses", responses, "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["rejects", "--db", Db]));
        using var store = FulcrumStore.Open(Db);
        Assert.Equal(0, store.Count("responses"));
        Assert.Equal(1, store.Count("import_rejects"));
    }

    [Fact]
    public void Import_of_a_missing_file_is_a_clear_error()
    {
        Assert.NotEqual(0, FulcrumApp.Run(["import", "responses", Path.Combine(_directory, "nope.csv"), "--db", Db]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
