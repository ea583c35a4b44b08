using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.RealData;

/// <summary>IBM Telco imported with its CSAT answers, then two answers with an NPS score (as a user review did).</summary>
public sealed class IbmTelcoStrayNpsFixture : IDisposable
{
    public IbmTelcoStrayNpsFixture()
    {
        Store = FulcrumStore.Open(":memory:");
        new Importer(Store).Run(new ImportRequest("all", Path.Combine(RealDataSets.Telco, "Telco_customer_churn_status.csv"),
            RealDataSets.Mapping("ibm-telco.yaml"), SkipInvalid: true));
        var answers = Path.Combine(Directory.CreateTempSubdirectory("fulcrum-stray-nps-").FullName, "nps.csv");
        File.WriteAllText(answers, "response_id,account_id,responded_at,nps\nNPS1,8779-QRDMV,2022-09-15,9\nNPS2,4846-WHAFZ,2030-01-01,10\n");
        var import = new Importer(Store).Run(new ImportRequest("responses", answers));
        Assert.Equal(ImportStatus.Committed, import.Status);
    }

    public FulcrumStore Store { get; }

    public void Dispose() => Store.Dispose();
}

public sealed class IbmTelcoStrayNpsTests(IbmTelcoStrayNpsFixture data) : IClassFixture<IbmTelcoStrayNpsFixture>
{
    [Fact]
    public void The_survey_metric_stays_CSAT_and_says_why()
    {
        var choice = PrimarySurveyMetric.Choose(data.Store);
        Assert.Equal("csat", choice.Metric);
        Assert.Equal("CSAT (7,043 answers; NPS has only 2, under half as many)", choice.Explanation);
        Assert.Equal("csat", PrimarySurveyMetric.OnRecord(data.Store)[0]);
    }

    [Fact]
    public void The_linkage_models_CSAT_by_default_and_names_the_rule()
    {
        var report = LinkageAnalysis.Run(new AnalysisFacts(data.Store), new LinkageOptions { Resamples = 100 }, new AssumptionStore(data.Store).Snapshot()).Report;
        Assert.Equal(["csat"], report.SoftMetrics);
        Assert.NotNull(report.SoftMetricChoice);
        Assert.Contains("NPS has only", report.SoftMetricChoice, StringComparison.Ordinal);
        Assert.Contains(report.ChurnByLevel, l => l.Metric == "csat" && l.Level == "3");
    }

    [Fact]
    public void NPS_forced_on_two_answers_fails_most_resamples_and_every_output_says_so()
    {
        var run = BusinessCaseAnalysis.Run(new AnalysisFacts(data.Store), new LinkageOptions { Resamples = 200, SoftMetrics = new HashSet<SoftMetric> { SoftMetric.Nps } });
        var linkage = run.Report.Linkage;
        Assert.True(linkage.FailedResamples > linkage.Resamples / 2, $"{linkage.FailedResamples} of {linkage.Resamples} failed");
        Assert.NotNull(linkage.FitCaution);
        Assert.Contains($"{linkage.FailedResamples:N0} of {linkage.Resamples:N0} bootstrap resamples", linkage.FitCaution, StringComparison.Ordinal);
        Assert.Equal(linkage.FitCaution, run.Report.FitCaution);
        Assert.Contains("Caution: " + linkage.FitCaution, run.Report.Headline, StringComparison.Ordinal);
        // The point fit (Firth, for the one promoter renewal that churned) does not converge here: a warning names it.
        Assert.False(linkage.Models.Single(m => m.Name == "churn").Converged);
        Assert.Contains(linkage.Warnings, w => w.Contains("churn model", StringComparison.Ordinal) && w.Contains("did not converge", StringComparison.Ordinal));
    }
}
