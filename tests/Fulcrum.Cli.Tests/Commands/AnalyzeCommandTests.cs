using System.Text.Json;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Linkage.FitCache;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum analyze` runs every analysis once on a small generated company and summarises each step's key figure.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cli-analyze-").FullName;
    string Db => Path.Combine(_directory, "company.duckdb");

    [Fact]
    public void Analyze_runs_every_step_in_one_pass_and_its_key_figures_are_the_analyses_own()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "800", "--seed", "5", "--db", Db]));
        JsonElement summary;
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["analyze", "--fast", "--json", "--db", Db]));
            using var doc = JsonDocument.Parse(capture.Standard);
            summary = doc.RootElement.Clone();
        }
        var steps = summary.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["fact tables", "metrics", "growth-check", "cohorts", "drivers", "themes", "theme impact", "business case", "repeat purchase", "value"],
            steps.Select(s => s.GetProperty("step").GetString()));
        // The generated company has everything every step needs but orders (it sells by subscription): only repeat purchase is skipped.
        Assert.All(steps.Where(s => s.GetProperty("step").GetString() != "repeat purchase"), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("skipped").ValueKind));
        Assert.StartsWith("No orders on record", steps.Single(s => s.GetProperty("step").GetString() == "repeat purchase").GetProperty("skipped").GetString());
        Assert.All(steps, s => Assert.True(s.GetProperty("seconds").GetDouble() >= 0));
        // On Linux each step's peak is the kernel's high-water mark: at least the runtime's own resident set.
        if (OperatingSystem.IsLinux()) Assert.All(steps, s => Assert.InRange(s.GetProperty("peakMegabytes").GetDouble(), 10, 4096));
        JsonElement Step(string name) => steps.First(s => s.GetProperty("step").GetString() == name);

        using var store = FulcrumStore.Open(Db);
        var facts = new AnalysisFacts(store);
        var nps = MetricsAnalysis.Run(facts, new MetricsQuery(["nps"], [], PeriodUnit.Year)).Cells.Last(c => c.Estimate.IsDefined).Estimate;
        var metric = Step("metrics").GetProperty("figure");
        Assert.Equal(nps.Value, metric.GetProperty("value").GetDouble(), 9);
        Assert.Equal(nps.Lower, metric.GetProperty("lower").GetDouble(), 9);

        // Theme impact's linkage fit valued the levers and the business case step read them off it; a later business case
        // reads the same fit from the store and reports the same figures.
        Assert.EndsWith("[theme impact's fit]", Step("business case").GetProperty("keyFigure").GetString());
        var run = BusinessCaseAnalysis.Run(facts, new LinkageOptions());
        Assert.Equal(LinkageFitSource.Stored, run.Linkage.FitSource);
        var npv = run.Report.Levers[0].At(run.Report.HorizonMonths).Npv;
        var figure = Step("business case").GetProperty("figure");
        Assert.Equal(npv.Value, figure.GetProperty("value").GetDouble(), 6);
        Assert.Equal(npv.Lower, figure.GetProperty("lower").GetDouble(), 6);
        Assert.Equal(npv.Upper, figure.GetProperty("upper").GetDouble(), 6);
        Assert.Equal(1L, store.Scalar<long>("SELECT COUNT(*) FROM linkage_fits"));
    }

    [Fact]
    public void A_company_without_outcomes_or_comments_skips_those_steps_with_the_reason()
    {
        using (var store = FulcrumStore.Open(Db))
        {
            store.Execute("INSERT INTO accounts (account_id, name, segment) VALUES ('A1', 'A1', 'smb')");
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES ('R1', 'A1', TIMESTAMP '2025-03-01 10:00:00', 9), ('R2', 'A1', TIMESTAMP '2025-04-01 10:00:00', 3)");
        }
        using var capture = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["analyze", "--fast", "--db", Db]));
        Assert.Contains("skipped: No survey comments on record.", capture.Spectre);
        Assert.Contains("total", capture.Spectre);
        Assert.DoesNotContain("NaN", capture.Spectre);
        Assert.DoesNotContain("$0 (", capture.Spectre);
    }

    [Fact]
    public void A_company_that_measures_CSAT_only_gets_metrics_growth_check_and_drivers_on_CSAT()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "600", "--seed", "3", "--csat-only", "--db", Db]));
        var steps = AnalyzeJson();
        Assert.StartsWith("CSAT 2025: ", steps["metrics"].GetProperty("keyFigure").GetString());
        Assert.StartsWith("CSAT change 2023 → 2025: ", steps["growth-check"].GetProperty("keyFigure").GetString());
        Assert.Equal(JsonValueKind.Null, steps["drivers"].GetProperty("skipped").ValueKind);
        // CSAT is a 1–5 mean: its interval stays on the scale.
        var csat = steps["metrics"].GetProperty("figure");
        Assert.InRange(csat.GetProperty("lower").GetDouble(), 1, 5);
        Assert.InRange(csat.GetProperty("upper").GetDouble(), 1, 5);
    }

    [Fact]
    public void A_business_that_sells_by_order_gets_repeat_purchase_as_its_business_case_as_the_command_does()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "600", "--seed", "3", "--db", Db]));
        var steps = AnalyzeJson();
        // analyze runs the business case `fulcrum business-case` computes for a shop: the repeat-purchase lever, same figures.
        Assert.Equal(JsonValueKind.Null, steps["business case"].GetProperty("skipped").ValueKind);
        Assert.StartsWith("repeat purchase (orders, no renewals): Move 20%", steps["business case"].GetProperty("keyFigure").GetString());
        JsonElement command;
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["business-case", "--json", "--db", Db]));
            using var doc = JsonDocument.Parse(capture.Standard);
            command = doc.RootElement.Clone().GetProperty("lever").GetProperty("npv");
        }
        var figure = steps["business case"].GetProperty("figure");
        foreach (var bound in new[] { "value", "lower", "upper" })
            Assert.Equal(command.GetProperty(bound).GetDouble(), figure.GetProperty(bound).GetDouble(), 9);
        // The repeat purchase step gives the link the lever rests on, not the same lever twice.
        Assert.Equal(JsonValueKind.Null, steps["repeat purchase"].GetProperty("skipped").ValueKind);
        Assert.StartsWith("odds of ordering again, lowest vs top CSAT level: ", steps["repeat purchase"].GetProperty("keyFigure").GetString());
        Assert.True(steps["repeat purchase"].GetProperty("figure").GetProperty("isDefined").GetBoolean());
        // Tenure alone explains next to nothing of a shop's CSAT: no driver is headlined, the reason is.
        Assert.Contains("no top driver: ", steps["drivers"].GetProperty("keyFigure").GetString());
        Assert.DoesNotContain("100.0%", steps["drivers"].GetProperty("keyFigure").GetString());
        Assert.StartsWith("CSAT ", steps["metrics"].GetProperty("keyFigure").GetString());
        // Themes without renewals: the step says money needs outcomes, not that no theme is at risk.
        Assert.StartsWith("No churn or ARR at risk", steps["theme impact"].GetProperty("keyFigure").GetString());
    }

    [Fact]
    public void Analyze_fast_keeps_the_MiniLM_themes_of_unchanged_data_and_says_when_it_replaces_them()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "600", "--seed", "3", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["themes", "--no-impact", "--db", Db]));
        const string activeModels = "SELECT DISTINCT model FROM themes WHERE status = 'active' ORDER BY model";
        List<string> Models() { using var store = FulcrumStore.Open(Db); return store.Query<string>(activeModels).ToList(); }
        Assert.Equal(["all-MiniLM-L6-v2"], Models());

        // Same comments: --fast keeps what MiniLM found instead of replacing it with lexical themes.
        var kept = AnalyzeJson()["themes"].GetProperty("keyFigure").GetString();
        Assert.Contains("themes kept from the all-MiniLM-L6-v2 run of ", kept);
        Assert.Equal(["all-MiniLM-L6-v2"], Models());

        // Changed comments: --fast finds lexical themes, and says it replaced MiniLM's.
        using (var store = FulcrumStore.Open(Db))
        {
            store.Execute("UPDATE responses SET comment = comment || ' Still waiting.' WHERE response_id = (SELECT MIN(response_id) FROM responses WHERE comment IS NOT NULL)");
            store.BumpDataVersion();
        }
        var replaced = AnalyzeJson()["themes"].GetProperty("keyFigure").GetString();
        Assert.Contains("(fast, lexical); replaced the ", replaced);
        Assert.Contains(" all-MiniLM-L6-v2 themes, as the data changed since they were found", replaced);
        Assert.StartsWith("tfidf-lsa-", Assert.Single(Models()));
    }

    Dictionary<string, JsonElement> AnalyzeJson()
    {
        using var capture = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["analyze", "--fast", "--json", "--db", Db]));
        using var doc = JsonDocument.Parse(capture.Standard);
        return doc.RootElement.Clone().GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
