using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Cohorts;

/// <summary>The demo company (3,000 accounts, 3 years, seed 42), copied into a temporary file, and the transition analysis run once on it.</summary>
public sealed class DemoTransitionFixture : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cohorts-").FullName;

    public DemoTransitionFixture()
    {
        Store = DemoCompanyTemplates.Open(Path.Combine(_directory, "demo.duckdb"), new DemoCompanyOptions(Accounts: 3_000, Years: 3, Seed: 42));
        Report = ProductTransitionAnalysis.Run(new AnalysisFacts(Store), new TransitionOptions());
        Truth = GroundTruth.Read(Store).ToDictionary(e => e.EffectId);
    }

    public FulcrumStore Store { get; }
    public ProductTransitionReport Report { get; }
    public IReadOnlyDictionary<string, GroundTruthEffect> Truth { get; }
    public TransitionCohort Cohort => Report.Cohorts.Single();

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}

/// <summary>
/// The planted multi-product decline of the demo company: large, happy single-product incumbents that add products lose
/// NPS (score −0.5 with two products, −0.75 with three, only after adoption) and open 30% more tickets per extra product.
/// </summary>
public sealed class ProductTransitionAnalysisDemoTests(DemoTransitionFixture demo) : IClassFixture<DemoTransitionFixture>
{
    double PlantedNpsDrop => demo.Truth[GroundTruth.MultiProductDecline].Realized!.Value;

    [Fact]
    public void Finds_the_accounts_that_added_a_second_product()
    {
        Assert.InRange(demo.Cohort.Accounts, 200, 400);
        Assert.True(demo.Cohort.Nps.Coverage.BothSides >= 0.9 * demo.Cohort.Accounts, $"{demo.Cohort.Nps.Coverage}");
    }

    [Fact]
    public void Paired_nps_drop_after_adding_a_second_product_is_significant()
    {
        var nps = demo.Cohort.Nps;

        Assert.True(nps.Difference.Upper < 0, $"paired NPS difference {nps.Difference}");
        Assert.True(nps.IsSignificant(0.001), $"p = {nps.PValue}");
        Assert.True(nps.MeanScoreDifference.Upper < 0, $"mean score difference {nps.MeanScoreDifference}");
    }

    [Fact]
    public void Nps_drop_net_of_comparable_accounts_covers_the_planted_effect()
    {
        var net = demo.Cohort.Nps.TrendAdjusted.Difference;

        Assert.True(net.Contains(PlantedNpsDrop), $"net drop {net} should cover the realized planted effect {PlantedNpsDrop:F1}");
        Assert.True(net.Upper < 0);
    }

    [Fact]
    public void Raw_before_after_understates_the_drop_because_comparable_accounts_rose_over_the_same_months()
    {
        // The demo's CX programmes lift EMEA (+0.45 from 2024) and Mid-Market (+0.6 from mid-2024) scores for everyone, so the
        // single-product comparison accounts improve over the same months and the plain before/after difference is smaller
        // than the planted drop; the difference in differences removes that common trend.
        var nps = demo.Cohort.Nps;

        Assert.True(nps.TrendAdjusted.ComparableChange.Lower > 0, $"comparable change {nps.TrendAdjusted.ComparableChange}");
        Assert.True(nps.Difference.Value > PlantedNpsDrop, $"raw {nps.Difference} vs planted {PlantedNpsDrop:F1}");
    }

    [Fact]
    public void Contacts_per_quarter_rise_after_adoption()
    {
        var contacts = Assert.IsType<ContactsTransition>(demo.Cohort.Contacts);

        // Planted: +30% tickets per extra product (a few accounts add a third within the window). The simulator counts a whole
        // quarter's tickets at the product count it ends with, which inflates the last "before" quarter a little.
        Assert.True(contacts.RelativeChange.Lower > 0.15, $"relative change {contacts.RelativeChange}");
        Assert.InRange(contacts.RelativeChange.Value, 0.2, 0.45);
        Assert.True(contacts.DifferencePerQuarter.Lower > 0);
        Assert.True(contacts.PValue < 0.001);
        Assert.True(contacts.CostToServe!.ExtraPerYear.Lower > 0);
    }

    [Fact]
    public void Accounts_without_data_on_both_sides_are_excluded_and_counted()
    {
        var cohort = demo.Cohort;

        Assert.Equal(cohort.Accounts, cohort.Nps.Coverage.Total);
        Assert.Equal(cohort.Nps.Coverage.BothSides, cohort.Nps.Difference.N);
        Assert.Equal(cohort.Accounts, cohort.Contacts!.Coverage.Total);
        Assert.Equal(cohort.Contacts.Coverage.BothSides, cohort.Contacts.RelativeChange.N);
    }

    [Fact]
    public void Churn_is_compared_with_comparable_accounts_and_marked_observational()
    {
        var churn = demo.Cohort.Churn;

        Assert.Equal(0, churn.Before.Value); // survivorship: an account that churned could not add a product later
        Assert.True(churn.After.IsDefined && churn.Comparable.IsDefined && churn.DifferenceVsComparable.IsDefined);
        Assert.True(churn.DifferenceVsComparable.Contains(churn.DifferenceVsComparable.Value));
        Assert.True(churn.ComparableAccounts > churn.After.N);
        Assert.Contains("Observational", churn.Caveat);
    }

    [Fact]
    public void Arr_exposed_is_a_large_share_of_the_company()
    {
        var arr = demo.Cohort.Arr;

        Assert.True(arr.ArrNow.Value > 0);
        Assert.InRange(arr.ShareOfTotalArr, 0.1, 0.6);
        Assert.True(arr.AccountsActiveNow <= demo.Cohort.Accounts);
    }

    [Fact]
    public void Summary_states_the_drop_in_plain_words()
    {
        var summary = demo.Cohort.Summary;

        Assert.Matches(@"^\d[\d,]* accounts added a second product; their NPS fell \d+\.\d points \(95% CI −\d+\.\d to −\d+\.\d, paired, n=\d[\d,]*", summary);
        Assert.Contains("a net change of −", summary);
        Assert.Contains("support tickets per quarter rose", summary);
        Assert.Contains("ARR now", summary);
    }
}
