using System.Text.Json;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum drivers` run in-process against a temporary database.</summary>
public sealed class DriversCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-drivers-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    [Fact]
    public void Drivers_has_help() => Assert.Equal(0, FulcrumApp.Run(["drivers", "--help"]));

    [Fact]
    public void Drivers_run_on_a_generated_company_in_tables_and_json()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "400", "--seed", "5", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--replicates", "200", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--outcome", "csat", "--predictors", "ces,tickets,products", "--method", "shapley", "--replicates", "200", "--json", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--level", "account-period", "--from", "2024-01-01", "--replicates", "200", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--within-account", "--predictors", "products,ces,tenure_months", "--replicates", "200", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["drivers", "--predictors", "ces,rattr:missing", "--db", Db]));
    }

    [Fact]
    public void A_CSAT_only_company_gets_the_key_drivers_of_CSAT_by_default_as_analyze_does()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "300", "--years", "2", "--seed", "5", "--csat-only", "--db", Db]));
        using var capture = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--replicates", "200", "--json", "--db", Db]));
        using var json = System.Text.Json.JsonDocument.Parse(capture.Standard);
        Assert.Equal("csat", json.RootElement.GetProperty("options").GetProperty("outcome").GetString());
    }

    [Fact]
    public void Drivers_explain_the_score_customers_gave_and_headline_none_when_they_explain_nothing()
    {
        // A shop measures CSAT only: drivers default to it (as analyze) instead of refusing for want of NPS.
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "600", "--seed", "3", "--db", Db]));
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["drivers", "--replicates", "200", "--json", "--db", Db]));
            using var doc = JsonDocument.Parse(capture.Standard);
            Assert.Equal("csat", doc.RootElement.GetProperty("options").GetProperty("outcome").GetString());
            Assert.StartsWith("the drivers together explain ", doc.RootElement.GetProperty("noTopDriver").GetString());
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["drivers", "--replicates", "200", "--db", Db]));
            Assert.Contains("No top driver:", capture.Spectre);
            Assert.DoesNotContain("Fix first:", capture.Spectre);
        }
    }

    [Theory]
    [InlineData("--outcome", "happiness")]
    [InlineData("--outcome", "churn", "--controls", "attr:x,colour")]
    [InlineData("--outcome", "churn", "--method", "shapley")]
    [InlineData("--outcome", "nps", "--controls", "attr:x")]
    [InlineData("--predictors", "ces,happiness")]
    [InlineData("--predictors", "ces,nps")]
    [InlineData("--method", "magic")]
    [InlineData("--level", "team")]
    [InlineData("--replicates", "5")]
    [InlineData("--from", "2024-13-01")]
    public void Drivers_options_are_validated_with_a_clear_error(params string[] args)
    {
        Assert.NotEqual(0, FulcrumApp.Run(["drivers", .. args, "--db", Db]));
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("model", "churn ~ attr:Tenure +")]
    [InlineData("model", "happiness ~ attr:Tenure")]
    [InlineData("model", "churn ~ shoe_size")]
    [InlineData("linkage", "--controls", "attr:Tenure,colour")]
    [InlineData("linkage", "--outcome", "happiness")]
    public void Own_model_formulas_and_controls_are_validated_before_anything_runs(params string[] args)
    {
        using var capture = new ConsoleCapture();
        Assert.Equal(FulcrumApp.UsageError, FulcrumApp.Run([.. args, "--db", Db]));
        Assert.Contains("Error", capture.Spectre);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void An_unknown_outcome_lists_the_valid_ones()
    {
        using var capture = new ConsoleCapture();
        Assert.Equal(FulcrumApp.UsageError, FulcrumApp.Run(["drivers", "--outcome", "happiness", "--db", Db]));
        Assert.Contains("Valid outcomes: nps, csat (key drivers of a survey score) or churn, repeat, revenue (a hard outcome per account)", capture.Spectre);
    }

    [Fact]
    public void Drivers_for_expansion_points_to_the_own_model_command()
    {
        using var capture = new ConsoleCapture();
        Assert.NotEqual(0, FulcrumApp.Run(["drivers", "--outcome", "expansion", "--db", Db]));
        Assert.Contains("fulcrum model", capture.Spectre);
    }

    [Fact]
    public void A_planted_complaint_flag_is_found_by_drivers_for_churn_and_by_linkage_with_controls()
    {
        const double planted = 4.4;
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "2000", "--seed", "42", "--complaint-odds-ratio", "4.4", "--db", Db]));

        string[][] commands = [["drivers", "--outcome", "churn", "--controls", "attr:complaint"], ["linkage", "--controls", "attr:complaint", "--confidence", "0.95"]];
        foreach (var command in commands)
        {
            using var capture = new ConsoleCapture();
            Assert.Equal(0, FulcrumApp.Run([.. command, "--json", "--db", Db]));
            using var json = System.Text.Json.JsonDocument.Parse(capture.Standard);
            var model = json.RootElement.TryGetProperty("model", out var inner) ? inner : json.RootElement;
            var complaint = model.GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("term").GetString() == "attr:complaint");
            var ratio = complaint.GetProperty("ratio");
            Assert.InRange(planted, ratio.GetProperty("lower").GetDouble(), ratio.GetProperty("upper").GetDouble());
        }

        using var tables = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--outcome", "churn", "--controls", "attr:complaint", "--db", Db]));
        Assert.Contains("What the soft metrics say about churn:", tables.Spectre);
        Assert.Contains("Higher likelihood to recommend (the 0–10 NPS answer)", tables.Spectre);
    }

    [Fact]
    public void Drivers_for_revenue_without_orders_says_what_to_import()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "300", "--seed", "5", "--db", Db]));
        using var capture = new ConsoleCapture();
        Assert.Equal(1, FulcrumApp.Run(["drivers", "--outcome", "revenue", "--db", Db]));
        Assert.Contains("No orders on record", capture.Spectre);
        Assert.Contains("fulcrum import orders", capture.Spectre);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
