using Fulcrum.Data.Demo;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// The exit-code rule of the README ("Exit codes") on representative commands: 2 for a word the command does not know,
/// 64 for a value it refuses (missing, malformed, out of range, or naming nothing on record), 65 for a file whose data
/// refuse the command (rows refused, a file that cannot be parsed, a mapping that does not fit it), never 1 or 0 for those.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-exit-").FullName;
    readonly Lazy<string> _company;

    public ExitCodeTests() => _company = new(() =>
    {
        var path = Path.Combine(_directory, "company.duckdb");
        DemoCompanyTemplates.CopyTo(path, new DemoCompanyOptions(300, 3, 11));
        return path;
    });

    static (int Code, string Output) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre + capture.Standard);
    }

    [Theory]
    [InlineData("metrics", "--bogus-flag")]
    [InlineData("linkage", "stray-argument")]
    [InlineData("assumptions", "list", "--bogus-flag")]
    public void A_word_the_command_does_not_know_exits_2(params string[] args) =>
        Assert.Equal(FulcrumApp.ParseError, Run([.. args, "--db", _company.Value]).Code);

    [Theory]
    [InlineData("Command 'set' is missing required argument 'VALUE'", "assumptions", "set", "gross_margin")]
    [InlineData("Unknown assumption 'no_such_thing'", "assumptions", "set", "no_such_thing", "1")]
    [InlineData("must be between 0.01 and 1", "assumptions", "set", "gross_margin", "7")]
    [InlineData("Unknown assumption 'no_such_thing'", "assumptions", "reset", "no_such_thing")]
    [InlineData("Unknown metric 'happiness'", "metrics", "--metric", "happiness")]
    [InlineData("--resamples must be at least 100", "linkage", "--resamples", "5")]
    [InlineData("--kind: 'someday' is not one of quick_win, long_term", "initiatives", "add", "INIT-Z", "--name", "Z", "--kind", "someday", "--start", "2024-01-01")]
    [InlineData("No initiative 'NOPE'", "initiatives", "show", "NOPE")]
    [InlineData("No follow-up for 'NOPE'", "followups", "assign", "NOPE", "--to", "Maya")]
    [InlineData("No import 'imp-nope'", "rejects", "imp-nope")]
    [InlineData("Unknown label source 'stars'", "sentiment", "train", "--label", "stars")]
    public void A_value_the_command_refuses_exits_64_and_says_why(string why, params string[] args)
    {
        var (code, output) = Run([.. args, "--db", _company.Value]);
        Assert.True(code == FulcrumApp.UsageError, $"{string.Join(' ', args)} exited {code}: {output}");
        Assert.Contains(why, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_table_or_database_that_is_not_there_exits_64()
    {
        var answers = Path.Combine(_directory, "answers.csv");
        File.WriteAllText(answers, "response_id,account_id,responded_at,nps\nR1,A1,2024-01-01,9\n");
        var db = Path.Combine(_directory, "new.duckdb");
        Assert.Equal(FulcrumApp.UsageError, Run("import", "colours", answers, "--db", db).Code);
        Assert.Equal(FulcrumApp.UsageError, Run("import", "all", answers, "--db", db).Code);
        Assert.Equal(FulcrumApp.UsageError, Run("import", "responses", Path.Combine(_directory, "none.csv"), "--db", db).Code);
        Assert.Equal(FulcrumApp.UsageError, Run("status", "--db", Path.Combine(_directory, "none.duckdb")).Code);
        Assert.Equal(FulcrumApp.UsageError, Run("store", "copy", "--from", Path.Combine(_directory, "none.duckdb"), "--to", db).Code);
        var (code, output) = Run("metrics", "--db", "postgres://somewhere");
        Assert.Equal(FulcrumApp.UsageError, code);
        Assert.Contains("--db: The PostgreSQL connection string names no Database", output, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Data_that_refuse_an_import_or_a_map_exit_65_and_say_where()
    {
        var db = Path.Combine(_directory, "data-errors.duckdb");
        var accounts = Path.Combine(_directory, "accounts.csv");
        File.WriteAllText(accounts, "account_id,segment\nA1,SMB\n");
        Assert.Equal(0, Run("import", "accounts", accounts, "--db", db).Code);
        var answers = Path.Combine(_directory, "scores.csv");
        File.WriteAllText(answers, "response_id,account_id,responded_at,nps\nR1,A1,2024-01-01T10:00:00Z,11\n");
        var typo = Path.Combine(_directory, "typo.yaml");
        File.WriteAllText(typo, "tables:\n  - table: responses\n    fields:\n      response_id: response_id\n      account_id: account_id\n      responded_at: responded_at\n      nps: { column: npss }\n");
        var broken = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(broken, "tables: [ unclosed\n");
        var latin1 = Path.Combine(_directory, "latin1.csv");
        File.WriteAllBytes(latin1, [.. "response_id,comment\nR1,"u8, 0xE9, 0x0A]);

        (string Why, string[] Args)[] cases =
        [
            ("out of range", ["import", "responses", answers]),
            ("The import would be refused", ["import", "responses", answers, "--dry-run"]),
            ("did you mean 'nps'?", ["import", "all", answers, "--mapping", typo]),
            ("did you mean 'nps'?", ["import", "all", answers, "--mapping", typo, "--dry-run"]),
            ("broken.yaml, line 2: not valid YAML/JSON", ["import", "responses", answers, "--mapping", broken]),
            ("latin1.csv, line 1: the file is not valid UTF-8", ["import", "responses", latin1]),
            ("latin1.csv, line 1: the file is not valid UTF-8", ["map", latin1]),
        ];
        foreach (var (why, args) in cases)
        {
            var (code, output) = Run([.. args, .. args[0] == "map" ? Array.Empty<string>() : ["--db", db]]);
            Assert.True(code == FulcrumApp.DataError, $"{string.Join(' ', args)} exited {code}: {output}");
            Assert.True(output.Contains(why, StringComparison.Ordinal), $"{string.Join(' ', args)} does not say '{why}': {output}");
        }
        using var store = Fulcrum.Data.Store.FulcrumStore.Open(db);
        Assert.Equal(0, store.Count("responses"));
    }

    [Fact]
    public void A_theme_split_into_too_few_parts_is_refused_without_the_runtime_s_parameter_noise()
    {
        var (code, output) = Run("themes", "split", "T001", "--parts", "1", "--db", _company.Value);
        Assert.Equal(FulcrumApp.UsageError, code);
        Assert.DoesNotContain("(Parameter", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
