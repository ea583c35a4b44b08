using System.Text.Json;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// A company that asks CSAT only: drilldown and alerts watch CSAT without being told (as analyze does), and NPS asked for
/// by name is refused with the metric the answers carry, never drilled into as "NPS NaN [NaN, NaN] n=0".
/// </summary>
public sealed class SurveyMetricDefaultsTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-metric-defaults-").FullName;
    string Db => Path.Combine(_directory, "csat.duckdb");

    public SurveyMetricDefaultsTests() =>
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--years", "2", "--seed", "5", "--csat-only", "--db", Db]));

    static (int Code, string Output, string Json) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre + capture.Standard, capture.Standard);
    }

    [Fact]
    public void Drilldown_defaults_to_CSAT_and_refuses_NPS_naming_the_metric_there_is()
    {
        var (code, output, _) = Run("drilldown", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("All customers  CSAT ", output);
        Assert.DoesNotContain("NaN", output);

        var (refused, message, _) = Run("drilldown", "--metric", "nps", "--db", Db);
        Assert.Equal(1, refused);
        Assert.Contains("No NPS answers on record, so there is no NPS to drill into. The answers carry CSAT: use --metric csat.", message);
        Assert.DoesNotContain("NaN", message);
    }

    [Fact]
    public void Alerts_watch_CSAT_by_default()
    {
        var (code, _, json) = Run("alerts", "--json", "--db", Db);
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(json);
        var metrics = document.RootElement.GetProperty("scan").GetProperty("options").GetProperty("metrics");
        Assert.Equal(["csat"], metrics.EnumerateArray().Select(m => m.GetString()));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
