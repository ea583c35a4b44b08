using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.RealData;

/// <summary>
/// The linkage on real IBM Telco data, imported with the shipped mapping. Satisfaction Score (CSAT) separates churn:
/// every customer scoring 1–2 churned and none scoring 4–5 did. Fulcrum must say so and fall back to something defensible.
/// </summary>
public sealed class IbmTelcoLinkageTests(IbmTelcoMetricsFixture data) : IClassFixture<IbmTelcoMetricsFixture>
{
    readonly Lazy<LinkageReport> _report = new(() =>
        LinkageAnalysis.Run(new AnalysisFacts(data.Store), new LinkageOptions { Resamples = 200 }, new AssumptionStore(data.Store).Snapshot()).Report);

    [Fact]
    public void Separation_by_satisfaction_score_is_detected_and_the_churn_model_falls_back_to_Firth()
    {
        var report = _report.Value;
        Assert.Equal(["csat"], report.SoftMetrics);
        var churn = report.Models.Single(m => m.Name == "churn");
        Assert.Contains("Firth", churn.Method);
        Assert.NotNull(churn.Separation);
        Assert.Contains(report.Warnings, w => w.Contains("separation", StringComparison.OrdinalIgnoreCase) && w.Contains("Firth", StringComparison.Ordinal));
        // No absurd coefficients: separated levels get no odds ratio at all, every other one is finite.
        Assert.All(report.ChurnOddsRatios.Where(o => o.Withheld is null), o => Assert.True(double.IsFinite(o.Wald.Value) && double.IsFinite(o.Wald.Upper), o.Term));
        Assert.Equal(4, report.ChurnOddsRatios.Count(o => o.Withheld is not null));
    }

    [Fact]
    public void Exact_churn_rates_per_score_show_the_separation_plainly()
    {
        var csat = _report.Value.ChurnByLevel.Where(l => l.Metric == "csat").ToDictionary(l => l.Level);
        // Counts from the data set (Reference/telco_logit_reference.txt): 922/922, 518/518, 429/2665, 0/1789, 0/1149 churned;
        // customers who joined this quarter have no renewal and are not in the model.
        Assert.Equal(1.0, csat["1"].Exact.Value);
        Assert.True(csat["1"].Exact.Lower > 0.99, csat["1"].Exact.ToString());
        Assert.Equal(0.0, csat["5"].Exact.Value);
        Assert.True(csat["5"].Exact.Upper < 0.01, csat["5"].Exact.ToString());
        Assert.Contains("Clopper", csat["1"].Exact.Method);
        Assert.InRange(csat["3"].Observed.Value, 0.1, 0.25);
    }

    [Fact]
    public void Without_expansions_or_tickets_those_models_are_absent_rather_than_invented()
    {
        var report = _report.Value;
        Assert.DoesNotContain(report.Models, m => m.Name is "expansion" or "tickets");
        Assert.Null(report.TicketsRateRatioPerCesPoint);
        Assert.Contains(report.Warnings, w => w.Contains("No NPS", StringComparison.Ordinal));
    }
}
