using Fulcrum.Data.Store;
using System.Text.Json;
using Fulcrum.Data.Demo;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// Stores made from the demo generator with one kind of data dropped — no support tickets, no renewals (outcomes), no
/// survey answers — as a new user's data might be. Every analysis command runs on each, shows only what the data
/// support and names what is missing; the money commands' JSON marks absent figures isDefined: false instead of 0.
/// </summary>
public sealed class MissingDataStoresTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-missing-").FullName;

    public static TheoryData<string> Variants => new() { "tickets", "outcomes", "responses" };

    string Store(string dropped)
    {
        var path = Path.Combine(_directory, $"without-{dropped}.duckdb");
        DemoCompanyTemplates.CopyTo(path, new DemoCompanyOptions(400, 3, 11));
        using var store = FulcrumStore.Open(path);
        store.Execute($"DELETE FROM {dropped}");
        return path;
    }

    static (int Code, string Output) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre + capture.Standard);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_analysis_command_runs_and_says_what_is_missing(string dropped)
    {
        var db = Store(dropped);
        var failures = new List<string>();
        string[][] commands =
        [
            ["status"], ["metrics"], ["metrics", "--json"], ["drilldown"], ["growth-check"], ["cohorts"], ["cohorts", "--json"], ["alerts"],
            ["drivers", "--replicates", "100"], ["references"], ["value"], ["followups", "list"],
            ["linkage", "--resamples", "100"], ["linkage", "--resamples", "100", "--json"],
            ["business-case", "--resamples", "100", "--out", Path.Combine(_directory, "bc")], ["business-case", "--resamples", "100", "--json", "--out", Path.Combine(_directory, "bc")],
        ];
        foreach (var command in commands)
        {
            var (code, output) = Run([.. command, "--db", db]);
            // A command whose whole subject is missing may refuse with exit 1, but only with a message that says what to import (not a crash).
            var namesTheGap = code == 1 && output.Contains("Import", StringComparison.OrdinalIgnoreCase) && !output.Contains("Exception)", StringComparison.Ordinal);
            if (code != 0 && !namesTheGap) failures.Add($"{string.Join(' ', command)} exited {code}: {output.Trim()}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Without_tickets_no_contact_or_effort_lever_and_no_cost_to_serve_figure_is_invented()
    {
        var db = Store("tickets");
        var (code, output) = Run("business-case", "--resamples", "100", "--json", "--out", Path.Combine(_directory, "bc"), "--db", db);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var root = json.RootElement;
        var valued = root.GetProperty("levers").EnumerateArray().Select(l => l.GetProperty("lever").GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("fewer_contacts", valued);
        Assert.DoesNotContain("lower_effort", valued);
        var unavailable = root.GetProperty("unavailableLevers").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("unavailable").GetString()!);
        Assert.Contains("fulcrum import tickets", unavailable["fewer_contacts"]);
        Assert.Contains("fulcrum import tickets", unavailable["lower_effort"]);
        foreach (var lever in root.GetProperty("levers").EnumerateArray())
            foreach (var horizon in lever.GetProperty("horizons").EnumerateArray())
                Assert.False(horizon.GetProperty("costSaved").GetProperty("isDefined").GetBoolean());
        Assert.False(root.GetProperty("linkage").GetProperty("bookCostToServePerYear").GetProperty("isDefined").GetBoolean());
        Assert.Empty(root.GetProperty("linkage").GetProperty("costToServeByNps").EnumerateArray());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("No support tickets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("outcomes", "renewal", "fulcrum import outcomes")]
    [InlineData("responses", "answers", "fulcrum import responses")]
    public void Without_renewals_or_scores_the_money_commands_say_so_in_text_and_json(string dropped, string reason, string import)
    {
        var db = Store(dropped);
        foreach (var command in new[] { "linkage", "business-case" })
        {
            var (code, output) = Run(command, "--resamples", "100", "--json", "--out", Path.Combine(_directory, "bc"), "--db", db);
            if (command == "linkage") (code, output) = Run(command, "--resamples", "100", "--json", "--db", db);
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
            Assert.False(json.RootElement.GetProperty("isDefined").GetBoolean());
            Assert.Contains(reason, json.RootElement.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains(json.RootElement.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains(import, StringComparison.Ordinal));
            var (textCode, text) = Run(command, "--resamples", "100", "--db", db);
            Assert.Equal(0, textCode);
            Assert.Contains("Not available", text);
            Assert.Contains(import, text);
        }
        var (modelCode, modelOutput) = Run("model", dropped == "outcomes" ? "churn ~ C(segment)" : "churn ~ C(nps)", "--db", db);
        Assert.NotEqual(0, modelCode);
        Assert.Contains(dropped == "outcomes" ? "fulcrum import outcomes" : "nps", modelOutput);
    }

    [Theory]
    [InlineData("tickets", "no support tickets on record: import tickets")]
    [InlineData("outcomes", "no renewal outcomes on record: import outcomes")]
    public void Value_shows_a_figure_without_its_table_as_absent_with_the_reason_never_zero(string dropped, string reason)
    {
        var (code, output) = Run("value", "--db", Store(dropped));
        Assert.Equal(0, code);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Contains("left out of every total", output, StringComparison.Ordinal);
        Assert.DoesNotContain("0 [0 to 0]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 (95% CI 0.0 to 0.0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_requests_without_opportunities_are_not_measured_in_value_or_references()
    {
        var db = Store("opportunities");
        foreach (var command in new[] { "value", "references" })
        {
            var (code, output) = Run(command, "--db", db);
            Assert.Equal(0, code);
            Assert.Contains("Not measured: no opportunities on record; import opportunities", output, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", output, StringComparison.Ordinal);
            Assert.DoesNotContain("0 [0 to 0]", output, StringComparison.Ordinal);
            Assert.DoesNotContain("includes 0: 0 (", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_subscriptions_no_lever_is_valued_at_zero_in_text_markdown_html_json_analyze_or_the_report()
    {
        // No account holds a product on the last day of data: there is no book, so no lever has anything to be worth.
        var db = Store("subscriptions");
        var bc = Path.Combine(_directory, "bc");
        var (code, text) = Run("business-case", "--resamples", "100", "--out", bc, "--db", db);
        Assert.Equal(0, code);
        foreach (var output in new[] { text, File.ReadAllText(bc + ".md"), File.ReadAllText(bc + ".html") })
        {
            Assert.Contains("No lever can be valued on these data: there is no book to value", output, StringComparison.Ordinal);
            Assert.Contains("fulcrum import subscriptions", output, StringComparison.Ordinal);
            Assert.DoesNotContain("$0 (", output, StringComparison.Ordinal);
            Assert.DoesNotContain("→ $0", output, StringComparison.Ordinal);
            Assert.DoesNotContain("n/a (n/a", output, StringComparison.Ordinal);
            Assert.DoesNotContain("money figures are zero", output, StringComparison.Ordinal);
        }

        (code, var json) = Run("business-case", "--resamples", "100", "--json", "--out", bc, "--db", db);
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..]);
        var root = document.RootElement;
        Assert.Empty(root.GetProperty("levers").EnumerateArray());
        Assert.All(root.GetProperty("unavailableLevers").EnumerateArray(),
            l => Assert.Contains("no book to value", l.GetProperty("unavailable").GetString(), StringComparison.Ordinal));
        Assert.False(root.GetProperty("linkage").GetProperty("bookChurnedArrNextYear").GetProperty("isDefined").GetBoolean());

        (code, var analyze) = Run("analyze", "--fast", "--db", db);
        Assert.Equal(0, code);
        Assert.True(analyze.Contains("no lever could be valued: there is no book to value", StringComparison.Ordinal), analyze);
        Assert.DoesNotContain("$0 (", analyze, StringComparison.Ordinal);
        Assert.DoesNotContain("NPV $0", analyze, StringComparison.Ordinal);

        var report = Path.Combine(_directory, "report");
        Assert.Equal(0, Run("report", "--format", "html", "--out", report, "--db", db).Code);
        var html = File.ReadAllText(Directory.GetFiles(report, "*.html").Single());
        Assert.Contains("No lever can be valued on these data: there is no book to value", html, StringComparison.Ordinal);
        Assert.DoesNotContain("$0 (", html, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
