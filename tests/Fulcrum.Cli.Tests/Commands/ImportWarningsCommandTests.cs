using System.Text.Json;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum import` shows date warnings (count and examples by line) in its summary and under "warnings" in --json.</summary>
public sealed class ImportWarningsCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-import-warnings-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    static (int Code, string Spectre, string Standard) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre, capture.Standard);
    }

    [Fact]
    public void An_answer_before_its_account_was_created_is_imported_and_warned_about_in_tables_and_json()
    {
        Assert.Equal(0, Run("import", "accounts", Write("accounts.csv", "account_id,created_at\nA1,2024-03-01\n"), "--db", Db).Code);
        var responses = Write("responses.csv", "response_id,account_id,responded_at,nps\nR1,A1,2024-02-01T10:00:00Z,9\nR2,A1,2024-04-01T10:00:00Z,3\n");

        var (code, spectre, _) = Run("import", "responses", responses, "--db", Db, "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("Warning: 1 responses dated (responded_at) before their account was created", spectre, StringComparison.Ordinal);
        Assert.Contains("account A1 was created 2024-03-01", spectre, StringComparison.Ordinal);

        var (jsonCode, _, json) = Run("import", "responses", responses, "--db", Db, "--json");
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("committed", root.GetProperty("status").GetString());
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray().ToList());
        Assert.Equal("before_account_created", warning.GetProperty("kind").GetString());
        Assert.Equal(1, warning.GetProperty("count").GetInt64());
        var example = Assert.Single(warning.GetProperty("examples").EnumerateArray().ToList());
        Assert.Equal((responses, 2L), (example.GetProperty("file").GetString(), example.GetProperty("line").GetInt64()));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_dry_run_with_invalid_rows_exits_as_the_import_would_unless_invalid_rows_are_skipped()
    {
        var responses = Write("bad.csv", "response_id,account_id,responded_at,nps\nR1,A9,2024-02-01T10:00:00Z,9\nR2,A9,2024-02-01T10:00:00Z,nine\n");
        var (code, spectre, _) = Run("import", "responses", responses, "--db", Db, "--dry-run");
        Assert.Equal(FulcrumApp.DataError, code);
        Assert.Contains("The import would be refused", spectre, StringComparison.Ordinal);
        var (jsonCode, _, json) = Run("import", "responses", responses, "--db", Db, "--dry-run", "--json");
        Assert.Equal(FulcrumApp.DataError, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("wouldBeRefused").GetBoolean());
        var (skipCode, skipOutput, _) = Run("import", "responses", responses, "--db", Db, "--dry-run", "--skip-invalid");
        Assert.Equal(0, skipCode);
        Assert.DoesNotContain("would be refused", skipOutput, StringComparison.Ordinal);
    }
}
