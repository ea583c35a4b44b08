using Fulcrum.Data.Demo;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// The exit-code rule of the README ("Exit codes") on representative commands: 2 for a word the command does not know,
/// 64 for a value it refuses (missing, malformed, out of range, or naming nothing on record), never 1 or 0 for those.
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
