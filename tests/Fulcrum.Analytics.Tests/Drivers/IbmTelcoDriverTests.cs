using System.Globalization;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Tests.RealData;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Drivers;

/// <summary>
/// Key drivers of the Satisfaction Score (1–5, imported as CSAT) in IBM's Telco sample, real data, imported with the
/// shipped mapping. The drivers are read a second time straight from the CSVs (CsvHelper) to check the whole pipeline.
/// Stated expectation, from the published data (and the independent numpy computation of these weights, R² = 0.134):
/// tenure is the strongest driver (long-standing customers are more satisfied), monthly charges and the number of services
/// (phone + internet) go with lower satisfaction, and age matters least.
/// </summary>
public sealed class IbmTelcoDriverTests(IbmTelcoMetricsFixture data) : IClassFixture<IbmTelcoMetricsFixture>
{
    static readonly string[] Predictors = ["tenure_months", "arr", "products", "attr:Age", "attr:Number of Dependents"];

    [Fact]
    public void Weights_equal_a_direct_computation_from_the_source_files()
    {
        var folder = RealDataSets.Telco;
        var status = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_status.csv"));
        var services = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_services.csv")).ToDictionary(r => r["Customer ID"], StringComparer.Ordinal);
        var people = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_demographics.csv")).ToDictionary(r => r["Customer ID"], StringComparer.Ordinal);
        double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        var rows = status.Select(r =>
        {
            var s = services[r["Customer ID"]];
            var p = people[r["Customer ID"]];
            var products = (s["Phone Service"] == "Yes" ? 1 : 0) + (s["Internet Service"] == "Yes" ? 1 : 0);
            return new[] { Number(r["Satisfaction Score"]), Number(s["Tenure in Months"]), Number(s["Monthly Charge"]) * 12, products, Number(p["Age"]), Number(p["Number of Dependents"]) };
        }).ToList();
        var predictors = Enumerable.Range(1, Predictors.Length).Select(j => (IReadOnlyList<double>)rows.Select(r => r[j]).ToArray()).ToList();
        var outcome = rows.Select(r => r[0]).ToArray();

        foreach (var method in new[] { DriverMethod.RelativeWeights, DriverMethod.Shapley })
        {
            var expected = method == DriverMethod.Shapley ? ShapleyR2.FromData(predictors, outcome) : RelativeWeights.FromData(predictors, outcome);
            var report = Run(method);
            Assert.Equal(7_043, report.Rows);
            Assert.Equal(7_043, report.Accounts);
            Assert.Equal(expected.RSquared, report.RSquared.Value, 1e-9);
            for (var j = 0; j < Predictors.Length; j++)
                Assert.Equal(expected.Weights[j], report.Drivers.Single(d => d.Name == Predictors[j]).Weight.Value, 1e-9);
        }
    }

    [Fact]
    public void Tenure_leads_charges_and_services_go_with_lower_satisfaction_and_age_matters_least()
    {
        var report = Run(DriverMethod.RelativeWeights);
        DriverResult D(string name) => report.Drivers.Single(d => d.Name == name);

        Assert.InRange(report.RSquared.Value, 0.12, 0.15);
        Assert.Equal("tenure_months", report.Drivers[0].Name);
        Assert.InRange(D("tenure_months").ShareOfR2.Value, 35, 46);
        Assert.Equal("attr:Age", report.Drivers[^1].Name);
        Assert.True(D("attr:Age").ShareOfR2.Upper < 6, $"age {D("attr:Age").ShareOfR2}");
        Assert.True(D("tenure_months").Correlation.Lower > 0);
        Assert.True(D("arr").Correlation.Upper < 0 && D("products").Correlation.Upper < 0);
        Assert.Equal("lower goes with a higher outcome", D("arr").GoodEnd);
        // One answer per customer: every interval comes from resampling the 7,043 customers.
        Assert.All(report.Drivers, d => Assert.True(d.Weight.Lower > 0 && d.Weight.Contains(d.Weight.Value), $"{d.Name}: {d.Weight}"));
    }

    [Fact]
    public void Defaults_use_what_the_telco_data_has_and_say_what_it_lacks()
    {
        var report = KeyDriverAnalysis.Run(new AnalysisFacts(data.Store), DriverDemoFixture.Options(outcome: "csat"));
        Assert.Equal(["products", "tenure_months"], report.Drivers.Select(d => d.Name).Order().ToArray());
        Assert.Contains(report.Unused, u => u.Name == "ces" && u.Reason.StartsWith("no values", StringComparison.Ordinal));
        Assert.Contains(report.Unused, u => u.Name == "tickets" && u.Reason.StartsWith("does not vary", StringComparison.Ordinal));
    }

    [Fact]
    public void Nps_cannot_be_explained_where_there_is_none()
    {
        var e = Assert.Throws<DriverAnalysisException>(() => KeyDriverAnalysis.Run(new AnalysisFacts(data.Store), DriverDemoFixture.Options(outcome: "nps")));
        Assert.Contains("No answers have an NPS value", e.Message, StringComparison.Ordinal);
    }

    DriverReport Run(DriverMethod method) =>
        KeyDriverAnalysis.Run(new AnalysisFacts(data.Store), DriverDemoFixture.Options(outcome: "csat", predictors: Predictors, method: method));
}
