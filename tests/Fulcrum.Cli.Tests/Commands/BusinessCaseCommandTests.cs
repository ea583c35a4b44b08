using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum linkage`, `fulcrum business-case` and `fulcrum assumptions` run in-process against a temporary database.</summary>
public sealed class BusinessCaseCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cli-bc-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    [Theory]
    [InlineData("linkage")]
    [InlineData("business-case")]
    [InlineData("assumptions", "list")]
    [InlineData("assumptions", "set")]
    [InlineData("assumptions", "reset")]
    public void Every_command_has_help(params string[] command) =>
        Assert.Equal(0, FulcrumApp.Run([.. command, "--help"]));

    [Fact]
    public void Business_case_writes_the_one_page_document_in_markdown_and_html()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "800", "--seed", "5", "--db", Db]));
        var output = Path.Combine(_directory, "reports", "case.html");

        Assert.Equal(0, FulcrumApp.Run(["business-case", "--resamples", "100", "--out", output, "--db", Db]));

        var markdown = File.ReadAllText(Path.Combine(_directory, "reports", "case.md"));
        var html = File.ReadAllText(output);
        Assert.Contains("# Business case", markdown);
        Assert.Contains("90% CI", markdown);
        Assert.Contains("gross_margin", markdown);
        Assert.Contains("<table>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(0, FulcrumApp.Run(["linkage", "--resamples", "100", "--json", "--db", Db]));
    }

    [Fact]
    public void Assumptions_can_be_listed_set_within_range_and_reset()
    {
        Assert.Equal(0, FulcrumApp.Run(["assumptions", "list", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["assumptions", "set", "cost_per_agent_hour", "52.5", "--db", Db]));
        using (var store = FulcrumStore.Open(Db)) Assert.Equal(52.5, new AssumptionStore(store).Get("cost_per_agent_hour"));

        Assert.NotEqual(0, FulcrumApp.Run(["assumptions", "set", "gross_margin", "1.5", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["assumptions", "set", "no_such_thing", "1", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["assumptions", "set", "gross_margin", "lots", "--db", Db]));

        Assert.Equal(0, FulcrumApp.Run(["assumptions", "reset", "cost_per_agent_hour", "--db", Db]));
        using (var store = FulcrumStore.Open(Db)) Assert.Equal(45, new AssumptionStore(store).Get("cost_per_agent_hour"));
    }

    [Theory]
    [InlineData("--resamples", "10")]
    [InlineData("--confidence", "1.5")]
    [InlineData("--soft", "happiness")]
    public void Bad_options_are_refused_with_a_usage_error(string option, string value) =>
        Assert.NotEqual(0, FulcrumApp.Run(["linkage", option, value, "--db", Db]));

    [Fact]
    public void A_store_without_outcomes_says_the_linkage_is_not_available_and_what_to_import()
    {
        using var capture = new ConsoleCapture();
        // Absent data is an absent result with its reason, not a failure of the command.
        Assert.Equal(0, FulcrumApp.Run(["linkage", "--db", Db]));
        Assert.Contains("Not available", capture.Spectre);
        Assert.Contains("fulcrum import outcomes", capture.Spectre);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
