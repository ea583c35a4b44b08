using System.Text.Json;
using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// The airline tweets imported with the shipped mapping: comments and airlines but no renewals and no NPS answers. Themes can
/// show counts, share and sentiment there, and must say that churn and ARR need outcomes rather than print 0% or $0.
/// </summary>
public sealed class AirlineThemesWithoutOutcomesFixture : IDisposable
{
    public FulcrumStore Store { get; } = FulcrumStore.Open(":memory:");
    public ThemeImpactReport Report { get; }

    public AirlineThemesWithoutOutcomesFixture()
    {
        new Importer(Store).Run(new ImportRequest("all", RealDataSets.DataFile(RealDataSets.Twitter, "Tweets.csv"),
            RealDataSets.Mapping("twitter-airline.yaml"), SkipInvalid: true));
        ThemeAnalysis.Run(Store, new ThemeOptions(Fast: true));
        Report = ThemeImpactAnalysis.Run(Store, new ThemeImpactOptions(Replicates: 100));
    }

    public void Dispose() => Store.Dispose();
}

public sealed class ThemesWithoutOutcomesTests(AirlineThemesWithoutOutcomesFixture data) : IClassFixture<AirlineThemesWithoutOutcomesFixture>
{
    readonly FulcrumStore _store = data.Store;
    readonly ThemeImpactReport _report = data.Report;

    [Fact]
    public void No_theme_carries_a_churn_or_ARR_figure_and_the_report_says_what_to_import()
    {
        Assert.Equal(0, _store.Count("outcomes"));
        Assert.False(_report.Money.IsDefined);
        Assert.Contains("outcomes", _report.Money.Reason);
        Assert.Contains("fulcrum import outcomes", _report.Money.Reason);
        Assert.Null(_report.ChurnedAccounts);
        Assert.All(_report.Themes, t =>
        {
            Assert.Null(t.ChurnRaising);
            Assert.Null(t.ChurnOthers);
            Assert.Null(t.ExcessChurn);
            Assert.Null(t.ArrAtRisk);
            Assert.Null(t.ArrAtRiskBeyondScores);
            Assert.Null(t.ChurnRatioBeyondScores);
            Assert.Null(t.ArrHeld); // the airlines have no ARR
            Assert.True(t.Comments > 0);
        });
    }

    [Fact]
    public void Without_any_scored_answer_the_score_impact_is_undefined_with_its_reason()
    {
        Assert.All(_report.Themes, t =>
        {
            Assert.False(t.ScoreImpact.IsDefined);
            Assert.Contains("no response in these data has an NPS (0–10), CSAT or CES score", t.ScoreImpact.Method);
        });
    }

    [Fact]
    public void The_JSON_has_no_churn_or_ARR_key_and_marks_money_undefined_with_the_reason()
    {
        var json = JsonSerializer.Serialize(_report, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        foreach (var key in new[] { "churnRaising", "churnOthers", "excessChurn", "arrAtRisk", "arrHeld", "churnRatioBeyondScores", "arrAtRiskBeyondScores", "churnedAccounts" })
            Assert.DoesNotContain($"\"{key}\"", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var money = document.RootElement.GetProperty("money");
        Assert.False(money.GetProperty("isDefined").GetBoolean());
        Assert.Contains("renewal", money.GetProperty("reason").GetString());
    }
}
