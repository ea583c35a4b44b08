using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>The value commands (initiatives, followups, references, value) run in-process against a temporary database.</summary>
public sealed class ValueCommandsTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cli-value-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    [Theory]
    [InlineData("initiatives", "add")]
    [InlineData("initiatives", "list")]
    [InlineData("initiatives", "show")]
    [InlineData("initiatives", "close")]
    [InlineData("initiatives", "import")]
    [InlineData("followups", "sync")]
    [InlineData("followups", "list")]
    [InlineData("followups", "assign")]
    [InlineData("followups", "close")]
    [InlineData("references")]
    [InlineData("value")]
    public void Every_value_command_has_help(params string[] command) =>
        Assert.Equal(0, FulcrumApp.Run([.. command, "--help"]));

    [Fact]
    public void Value_commands_run_on_a_generated_company_in_tables_and_json()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "400", "--seed", "5", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["initiatives", "list", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["initiatives", "show", "INIT-QW-CALLBACK", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["initiatives", "show", "INIT-LT-ONE-TEAM", "--json", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["references", "--period", "quarter", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "sync", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["value", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["value", "--json", "--db", Db]));
    }

    [Fact]
    public void Initiatives_add_close_and_bad_input()
    {
        Assert.Equal(0, FulcrumApp.Run(["initiatives", "add", "INIT-X", "--name", "Onboarding", "--kind", "long_term", "--start", "2024-01-01",
            "--cost", "1000", "--target", "segment=SMB AND region IN ('EMEA','APAC')", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["initiatives", "add", "INIT-X", "--name", "Again", "--kind", "quick_win", "--start", "2024-01-01", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["initiatives", "add", "INIT-Y", "--name", "Bad", "--kind", "quick_win", "--start", "2024-31-01", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["initiatives", "add", "INIT-Y", "--name", "Bad", "--kind", "quick_win", "--start", "2024-01-01", "--target", "colour = 'red'", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["initiatives", "add", "INIT-Y", "--name", "Bad", "--kind", "someday", "--start", "2024-01-01", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["initiatives", "show", "NOPE", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["initiatives", "close", "INIT-X", "--end", "2024-12-31", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["initiatives", "close", "INIT-X", "--db", Db]));
        using var store = FulcrumStore.Open(Db);
        Assert.Equal(1, store.Count("initiatives"));
        Assert.Equal("closed", store.Scalar<string>("SELECT status FROM initiatives"));
    }

    [Fact]
    public void Initiatives_import_refuses_a_file_with_an_invalid_target_and_imports_a_valid_one()
    {
        var bad = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(bad, "initiative_id,name,kind,start_date,cost,target\nI1,One,quick_win,2024-01-01,100,region = 'EMEA'\nI2,Two,long_term,2024-04-01,200,region == EMEA\n");
        Assert.Equal(FulcrumApp.DataError, FulcrumApp.Run(["initiatives", "import", bad, "--db", Db]));
        var good = Path.Combine(_directory, "good.csv");
        File.WriteAllText(good, "initiative_id,name,kind,start_date,cost,target\nI1,One,quick_win,2024-01-01,100,region = 'EMEA'\nI2,Two,long_term,2024-04-01,200,segment = 'SMB'\n");
        Assert.Equal(0, FulcrumApp.Run(["initiatives", "import", good, "--db", Db]));
        using var store = FulcrumStore.Open(Db);
        Assert.Equal(2, store.Count("initiatives"));
    }

    [Fact]
    public void Followup_transitions_are_validated_with_clear_errors()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--seed", "3", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "sync", "--db", Db]));
        string id;
        using (var store = FulcrumStore.Open(Db))
            id = store.Scalar<string>("SELECT response_id FROM followups ORDER BY response_id LIMIT 1");
        Assert.NotEqual(0, FulcrumApp.Run(["followups", "close", id, "--resolution", "done", "--db", Db]));      // open → closed is not allowed
        Assert.NotEqual(0, FulcrumApp.Run(["followups", "close", "NO-SUCH-RESPONSE", "--resolution", "done", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["followups", "assign", id, "--db", Db]));                               // --to is required
        Assert.Equal(0, FulcrumApp.Run(["followups", "assign", id, "--to", "Maya", "--at", "2025-12-31", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["followups", "close", id, "--db", Db]));                                // --resolution is required
        Assert.Equal(0, FulcrumApp.Run(["followups", "close", id, "--resolution", "called back", "--at", "2025-12-31T12:00", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["followups", "close", id, "--resolution", "again", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "list", id, "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "list", "--status", "closed", "--json", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["followups", "list", "--status", "done", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "sync", "--db", Db]));
        using var check = FulcrumStore.Open(Db);
        Assert.Equal(3, check.Scalar<long>("SELECT COUNT(*) FROM followup_events WHERE response_id = $id", new { id }));
        Assert.Equal(check.Count("followups"), check.Scalar<long>("SELECT COUNT(*) FROM responses WHERE nps <= 6"));
    }

    [Fact]
    public void Importing_answers_opens_a_follow_up_for_each_new_detractor_answer()
    {
        var accounts = Path.Combine(_directory, "accounts.csv");
        File.WriteAllText(accounts, "account_id,segment,owner\nA1,SMB,Ana\nA2,SMB,Bo\n");
        var responses = Path.Combine(_directory, "responses.csv");
        File.WriteAllText(responses, "response_id,account_id,responded_at,nps\nR1,A1,2024-01-01T10:00:00Z,3\nR2,A2,2024-01-02T10:00:00Z,9\nR3,A2,2024-01-03T10:00:00Z,6\n");
        Assert.Equal(0, FulcrumApp.Run(["import", "accounts", accounts, "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["import", "responses", responses, "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["import", "responses", responses, "--db", Db]));
        using var store = FulcrumStore.Open(Db);
        Assert.Equal(2, store.Count("followups"));
        Assert.Equal("Bo", store.Scalar<string>("SELECT owner FROM followups WHERE response_id = 'R3'"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
