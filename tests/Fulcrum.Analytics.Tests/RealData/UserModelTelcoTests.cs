using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Analytics.Tests.Linkage;

namespace Fulcrum.Analytics.Tests.RealData;

/// <summary>
/// The user-stated model (`fulcrum model`) on IBM Telco imported with the shipped mapping, against statsmodels:
/// Reference/telco_logit_reference.py, shared with TelcoLogisticReferenceTests (its output, telco_logit_reference.txt, is
/// committed beside it).
/// </summary>
public sealed class UserModelTelcoTests(IbmTelcoMetricsFixture data) : IClassFixture<IbmTelcoMetricsFixture>
{
    const string Contract = "C(attr:Contract)";

    [Fact]
    public void User_stated_logit_equals_statsmodels_Logit_to_1e_4_in_coefficients_standard_errors_and_marginal_effects()
    {
        var reference = Reference();
        var report = UserModelAnalysis.Run(data.Store,
            ModelFormula.Parse("churn ~ attr:Tenure in Months + attr:Monthly Charge + attr:Number of Referrals + C(attr:Contract)"));

        Assert.Equal(reference["n"][0], report.Accounts);
        Assert.Equal(reference["events"][0], report.Events);
        Assert.Empty(report.Missing);
        Assert.Null(report.Separation);
        Assert.Equal("logistic, maximum likelihood", report.Method);
        var names = new Dictionary<string, string>
        {
            ["attr:Tenure in Months"] = "tenure_months", ["attr:Monthly Charge"] = "monthly_charge", ["attr:Number of Referrals"] = "referrals",
            [$"{Contract}[T.One Year]"] = "contract_one_year", [$"{Contract}[T.Two Year]"] = "contract_two_year",
        };
        Assert.Equal(names.Keys.Order(), report.Coefficients.Select(c => c.Name).Order());
        foreach (var c in report.Coefficients)
        {
            var key = names[c.Name];
            Near(reference[key][0], c.Coefficient.Value, $"{c.Name} coefficient");
            Near(reference[key][1], c.Coefficient.StandardError!.Value, $"{c.Name} SE");
            Near(reference[$"ame_{key}"][0], c.MarginalEffect.Value, $"{c.Name} AME");
            Near(reference[$"ame_{key}"][1], c.MarginalEffect.StandardError!.Value, $"{c.Name} AME SE");
            Assert.Equal(Math.Exp(c.Coefficient.Value), c.Ratio!.Value, 1e-12);
            Assert.True(c.Coefficient.Lower < c.Coefficient.Value && c.Coefficient.Value < c.Coefficient.Upper);
        }
        // Contract, tenure, charge and referrals predict churn well out of sample; the interval stays within [0, 1].
        Assert.InRange(report.Auc.Value, 0.80, 0.90);
        Assert.InRange(report.Auc.Lower, 0, report.Auc.Value);
        Assert.InRange(report.Auc.Upper, report.Auc.Value, 1);
        Assert.Contains(report.Levels, l => l.Term == Contract && l.Level == "Month-to-Month" && l.IsBaseline);
    }

    [Fact]
    public void Satisfaction_score_levels_that_separate_churn_get_exact_rates_and_no_odds_ratio_or_effect()
    {
        var report = UserModelAnalysis.Run(data.Store, ModelFormula.Parse("churn ~ C(csat) + attr:Tenure in Months"));

        Assert.Contains("Firth", report.Method);
        Assert.NotNull(report.Separation);
        var levels = report.Levels.Where(l => l.Term == "C(csat)").ToDictionary(l => l.Level);
        // Telco_customer_churn_status.csv: 922 of 922 scoring 1 churned, 518 of 518 scoring 2, 0 of 1,789 scoring 4, 0 of 1,149 scoring 5.
        Assert.Equal((922L, 922.0), (levels["1"].Accounts, levels["1"].Events));
        Assert.Equal((518L, 518.0), (levels["2"].Accounts, levels["2"].Events));
        Assert.Equal((1789L, 0.0), (levels["4"].Accounts, levels["4"].Events));
        Assert.Equal((1149L, 0.0), (levels["5"].Accounts, levels["5"].Events));
        Assert.True(levels["3"].IsBaseline, "the first level with both outcomes is the baseline");
        Assert.Equal(1.0, levels["1"].Observed.Value);
        Assert.InRange(levels["1"].Observed.Lower, 0.99, 1);
        Assert.Equal(1.0, levels["1"].Observed.Upper);
        Assert.Equal(0.0, levels["5"].Observed.Lower);
        Assert.InRange(levels["5"].Observed.Upper, 0, 0.01);
        Assert.Contains("Clopper", levels["5"].Observed.Method);
        foreach (var level in new[] { "1", "2", "4", "5" })
        {
            var c = report.Coefficients.Single(x => x.Level == level);
            Assert.NotNull(c.Withheld);
            Assert.False(c.Coefficient.IsDefined);
            Assert.False(c.Ratio!.IsDefined);
            Assert.False(c.MarginalEffect.IsDefined);
        }
        var tenure = report.Coefficients.Single(c => c.Name == "attr:Tenure in Months");
        Assert.Null(tenure.Withheld);
        Assert.True(double.IsFinite(tenure.Ratio!.Value) && tenure.Ratio.Upper < 1, "longer tenure, less churn");
    }

    [Fact]
    public void An_unknown_attribute_or_a_text_attribute_used_as_a_number_is_a_clear_error()
    {
        var unknown = Assert.Throws<UserModelException>(() => UserModelAnalysis.Run(data.Store, ModelFormula.Parse("churn ~ attr:Shoe Size")));
        Assert.Contains("attr:Shoe Size", unknown.Message);
        var text = Assert.Throws<UserModelException>(() => UserModelAnalysis.Run(data.Store, ModelFormula.Parse("churn ~ attr:Contract")));
        Assert.Contains("C(attr:Contract)", text.Message);
        var noTickets = Assert.Throws<UserModelException>(() => UserModelAnalysis.Run(data.Store, ModelFormula.Parse("tickets ~ attr:Age")));
        Assert.Contains("fulcrum import tickets", noTickets.Message);
    }

    static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) < 1e-4, $"{what}: {actual} vs statsmodels {expected}");

    static Dictionary<string, double[]> Reference() => TelcoLogisticReferenceTests.ReadReference("telco_logit_reference.txt");
}
