using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Tests.Metrics;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;
using MathNet.Numerics.Distributions;

namespace Fulcrum.Analytics.Tests.RealData;

/// <summary>
/// IBM's extended Telco sample imported once with the shipped mapping (main file Telco_customer_churn_status.csv, the
/// other four joined), and the Satisfaction Score of every customer read independently from the CSVs with CsvHelper:
/// score from the status file, contract and tenure from the services file, joined on Customer ID.
/// </summary>
public sealed class IbmTelcoMetricsFixture : IDisposable
{
    public IbmTelcoMetricsFixture()
    {
        var folder = RealDataSets.Telco;
        var status = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_status.csv"));
        var services = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_services.csv"))
            .ToDictionary(r => r["Customer ID"], StringComparer.Ordinal);
        Customers = status.Select(r =>
        {
            var service = services[r["Customer ID"]];
            return new Customer(double.Parse(r["Satisfaction Score"], CultureInfo.InvariantCulture), service["Contract"],
                int.Parse(service["Tenure in Months"], CultureInfo.InvariantCulture));
        }).ToList();

        Store = FulcrumStore.Open(":memory:");
        Import = new Importer(Store).Run(new ImportRequest("all", Path.Combine(folder, "Telco_customer_churn_status.csv"),
            RealDataSets.Mapping("ibm-telco.yaml"), SkipInvalid: true));
    }

    public sealed record Customer(double Csat, string Contract, int TenureMonths);

    public List<Customer> Customers { get; }
    public FulcrumStore Store { get; }
    public ImportResult Import { get; }

    public MetricsReport Csat(params string[] by) =>
        MetricsAnalysis.Run(new AnalysisFacts(Store), new MetricsQuery(["csat"], by, PeriodUnit.Quarter));

    public void Dispose() => Store.Dispose();
}

public sealed class IbmTelcoMetricsTests(IbmTelcoMetricsFixture data) : IClassFixture<IbmTelcoMetricsFixture>
{
    const double Tolerance = 1e-9;
    const string Quarter = "2022-Q3"; // the mapping dates the snapshot 2022-09-30

    static readonly string[] Contracts = ["Month-to-Month", "One Year", "Two Year"];

    [Fact]
    public void Import_brings_every_customer_with_one_csat_answer()
    {
        Assert.True(data.Import.Status == ImportStatus.Committed && data.Import.Rejects.Count == 0,
            $"{data.Import.Status}, {data.Import.Rejects.Count} rejects, e.g. {string.Join("; ", data.Import.Rejects.Take(3))}");
        Assert.Equal(7_043, data.Customers.Count);
        Assert.Equal(7_043, data.Store.Count("responses"));
    }

    [Fact]
    public void Csat_by_segment_is_the_mean_satisfaction_score_per_contract_with_its_t_interval()
    {
        var report = data.Csat("segment");

        Assert.Equal(Contracts.Select(c => $"{Quarter} {c}"), report.Keys("csat"));
        foreach (var contract in Contracts)
        {
            var scores = data.Customers.Where(c => c.Contract == contract).Select(c => c.Csat).ToList();
            AssertMeanWithTInterval(scores, report.Cell("csat", Quarter, contract).Estimate, contract);
        }
    }

    [Fact]
    public void Csat_by_the_contract_attribute_equals_csat_by_segment()
    {
        var byAttribute = data.Csat("attr:Contract");
        var bySegment = data.Csat("segment");

        Assert.Equal(Contracts.Select(c => $"{Quarter} {c}"), byAttribute.Keys("csat"));
        foreach (var contract in Contracts)
        {
            var scores = data.Customers.Where(c => c.Contract == contract).Select(c => c.Csat).ToList();
            var estimate = byAttribute.Cell("csat", Quarter, contract).Estimate;
            AssertMeanWithTInterval(scores, estimate, contract);
            Assert.Equal(bySegment.Cell("csat", Quarter, contract).Estimate, estimate);
        }
    }

    [Fact]
    public void Csat_by_tenure_band_matches_an_independent_banding_of_tenure_in_months()
    {
        static string Band(int months) => months switch
        {
            < 6 => "0-6 months",
            < 12 => "6-12 months",
            < 24 => "1-2 years",
            < 60 => "2-5 years",
            _ => "5+ years",
        };
        var expected = data.Customers.GroupBy(c => Band(c.TenureMonths)).ToDictionary(g => g.Key, g => g.Select(c => c.Csat).ToList());

        var report = data.Csat("tenure_band");

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal).Select(b => $"{Quarter} {b}"), report.Keys("csat").Order(StringComparer.Ordinal));
        foreach (var (band, scores) in expected)
            AssertMeanWithTInterval(scores, report.Cell("csat", Quarter, band).Estimate, band);
    }

    [Fact]
    public void Month_to_month_customers_are_less_satisfied_than_two_year_customers_with_q_below_5_percent()
    {
        var report = data.Csat("segment");

        var monthly = report.Cell("csat", Quarter, "Month-to-Month");
        var twoYear = report.Cell("csat", Quarter, "Two Year");
        Assert.True(monthly.Estimate.Upper < twoYear.Estimate.Lower, $"intervals overlap: {monthly.Estimate} vs {twoYear.Estimate}");
        Assert.True(monthly.VsRest!.Difference.Value < 0 && monthly.QVsRest < 0.05, $"month-to-month vs rest {monthly.VsRest.Difference}, q = {monthly.QVsRest}");
        Assert.True(twoYear.VsRest!.Difference.Value > 0 && twoYear.QVsRest < 0.05, $"two-year vs rest {twoYear.VsRest.Difference}, q = {twoYear.QVsRest}");
        // The pairwise Welch test from the CSV (not in the report, which tests each group against the rest).
        var pairwise = MeanEstimator.WelchTTest(
            data.Customers.Where(c => c.Contract == "Month-to-Month").Select(c => c.Csat),
            data.Customers.Where(c => c.Contract == "Two Year").Select(c => c.Csat));
        Assert.True(pairwise.Difference.Value < -0.5 && pairwise.PValue < 0.05, $"{pairwise.Difference}, p = {pairwise.PValue}");
    }

    /// <summary>The estimate is the CSV mean (1e-9) and its interval the Student t interval computed here, which contains the mean.</summary>
    static void AssertMeanWithTInterval(List<double> scores, Estimate actual, string group)
    {
        var n = scores.Count;
        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        Assert.Equal(n, actual.N);
        Assert.True(Math.Abs(actual.Value - mean) <= Tolerance, $"{group}: CSAT {actual.Value:R}, CSV mean {mean:R}");
        Assert.True(actual.Contains(mean), $"{group}: {actual} does not contain the CSV mean {mean:R}");
        Assert.True(Math.Abs(actual.Lower - (mean - half)) <= 1e-7 && Math.Abs(actual.Upper - (mean + half)) <= 1e-7,
            $"{group}: interval {actual.Lower:R} to {actual.Upper:R}, expected {mean - half:R} to {mean + half:R}");
    }
}
