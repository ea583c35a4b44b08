using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Segments;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Segments;

/// <summary>On companies with no planted effects every finding is false; the scan must keep its FDR promise.</summary>
public sealed class FalseDiscoveryTests(ITestOutputHelper output)
{
    [Fact]
    public void Growth_check_on_null_companies_raises_false_findings_no_more_often_than_the_stated_fdr()
    {
        // Under the complete null, Benjamini–Hochberg at q = 0.05 keeps P(any finding) ≤ 0.05 per company.
        // Over 6 seeds, 2 or more companies with findings would happen with probability < 3.3% if the promise holds.
        var seedsWithFindings = 0;
        var totalFindings = 0;
        foreach (var (seed, company) in NullCompanies.Open())
        {
            using var store = company;
            var report = GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(Fdr: 0.05));
            output.WriteLine($"seed {seed}: {report.Findings.Count} findings of {report.SegmentsTested} tested");
            totalFindings += report.Findings.Count;
            if (report.Findings.Count > 0) seedsWithFindings++;
        }
        Assert.True(seedsWithFindings <= 1, $"{seedsWithFindings} of 6 null companies had findings ({totalFindings} in all)");
    }
}
