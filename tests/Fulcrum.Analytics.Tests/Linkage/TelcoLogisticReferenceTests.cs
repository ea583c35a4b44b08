using System.Globalization;
using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// LogisticRegression against established tools on the real IBM Telco data:
/// Reference/telco_logit_reference.py (statsmodels Logit) and Reference/telco_firth_reference.R (brglm2, Firth).
/// </summary>
public sealed class TelcoLogisticReferenceTests
{
    sealed record Customer(double Churn, double Tenure, double MonthlyCharge, double Referrals, string Contract, double Satisfaction);

    static readonly Lazy<IReadOnlyList<Customer>> Customers = new(Load);

    [Fact]
    public void Coefficients_and_standard_errors_equal_statsmodels_Logit_within_1e_4()
    {
        var reference = ReadReference("telco_logit_reference.txt");
        var names = new[] { "intercept", "tenure_months", "monthly_charge", "referrals", "contract_one_year", "contract_two_year" };
        var rows = Customers.Value;
        var x = new double[rows.Count, names.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            var c = rows[i];
            double[] row = [1, c.Tenure, c.MonthlyCharge, c.Referrals, c.Contract == "One Year" ? 1 : 0, c.Contract == "Two Year" ? 1 : 0];
            for (var j = 0; j < row.Length; j++) x[i, j] = row[j];
        }

        var fit = LogisticRegression.Fit(GroupedData.FromObservations(x, rows.Select(c => c.Churn).ToArray(), names));

        Assert.True(fit.Converged);
        Assert.False(fit.Separation.Detected);
        Assert.Equal(FitMethod.MaximumLikelihood, fit.Method);
        Assert.Equal(reference["loglik"][0], fit.LogLikelihood, 1e-4);
        foreach (var name in names)
        {
            var i = fit.IndexOf(name);
            Assert.True(Math.Abs(reference[name][0] - fit.Coefficients[i]) < 1e-4, $"{name}: {fit.Coefficients[i]} vs statsmodels {reference[name][0]}");
            Assert.True(Math.Abs(reference[name][1] - fit.StandardErrors[i]) < 1e-4, $"{name} SE: {fit.StandardErrors[i]} vs statsmodels {reference[name][1]}");
        }
    }

    [Fact]
    public void Satisfaction_score_separates_churn_and_the_fit_falls_back_to_Firth_matching_brglm2()
    {
        var reference = ReadReference("telco_firth_reference.txt");
        var rows = Customers.Value;
        var x = new double[rows.Count, 3];
        for (var i = 0; i < rows.Count; i++) { x[i, 0] = 1; x[i, 1] = rows[i].Satisfaction; x[i, 2] = rows[i].Tenure; }
        var data = GroupedData.FromObservations(x, rows.Select(c => c.Churn).ToArray(), ["(Intercept)", "score", "tenure"]);

        var fit = LogisticRegression.Fit(data);

        Assert.True(fit.Separation.Detected, "every customer scoring 1–2 churned and none scoring 4–5 did: that is quasi-complete separation");
        Assert.Contains("score", fit.Separation.Coefficients);
        Assert.Contains("separation", fit.Separation.Explanation);
        Assert.Equal(FitMethod.Firth, fit.Method);
        Assert.True(fit.Converged);
        foreach (var name in new[] { "(Intercept)", "score", "tenure" })
        {
            var i = fit.IndexOf(name);
            // Firth's estimate is finite and equals brglm2's to 1e-4 (relative for the large intercept).
            Assert.True(Math.Abs(reference[name][0] - fit.Coefficients[i]) < 1e-4 * Math.Max(1, Math.Abs(reference[name][0])), $"{name}: {fit.Coefficients[i]} vs brglm2 {reference[name][0]}");
            Assert.True(Math.Abs(reference[name][1] - fit.StandardErrors[i]) < 1e-4 * Math.Max(1, reference[name][1]), $"{name} SE: {fit.StandardErrors[i]} vs brglm2 {reference[name][1]}");
        }
    }

    [Fact]
    public void Without_the_fallback_the_maximum_likelihood_fit_is_flagged_not_reported_as_valid()
    {
        var rows = Customers.Value;
        var x = new double[rows.Count, 2];
        for (var i = 0; i < rows.Count; i++) { x[i, 0] = 1; x[i, 1] = rows[i].Satisfaction; }
        var fit = LogisticRegression.Fit(GroupedData.FromObservations(x, rows.Select(c => c.Churn).ToArray(), ["intercept", "score"]), firthOnSeparation: false);

        Assert.True(fit.Separation.Detected);
        Assert.Equal(FitMethod.MaximumLikelihood, fit.Method);
        Assert.True(Math.Abs(fit["score"]) > 12, "the ML coefficient runs away, as R's glm shows (−20 with SE 278)");
    }

    /// <summary>Name → the numbers after it in a reference output beside the scripts (the first line of a name wins).</summary>
    internal static Dictionary<string, double[]> ReadReference(string file)
    {
        var path = Path.Combine(RealDataSets.RepoRoot, "tests", "Fulcrum.Analytics.Tests", "Reference", file);
        Assert.True(File.Exists(path), $"{path} is missing: regenerate it with the script beside it (see its header) and commit it.");
        return File.ReadAllLines(path)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First().Skip(1).TakeWhile(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    static IReadOnlyList<Customer> Load()
    {
        var status = ReadCsv("Telco_customer_churn_status.csv");
        var services = ReadCsv("Telco_customer_churn_services.csv");
        return status.Keys.Order(StringComparer.Ordinal).Select(id =>
        {
            var (s, v) = (status[id], services[id]);
            return new Customer(D(s["Churn Value"]), D(v["Tenure in Months"]), D(v["Monthly Charge"]), D(v["Number of Referrals"]), v["Contract"], D(s["Satisfaction Score"]));
        }).ToList();
    }

    static double D(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    static Dictionary<string, Dictionary<string, string>> ReadCsv(string name) =>
        RealDataSets.ReadCsv(RealDataSets.DataFile(RealDataSets.Telco, name)).ToDictionary(r => r["Customer ID"], StringComparer.Ordinal);
}
