using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// Expansions imported without ARR (a status like "Upgraded" with no arr_before/arr_after, as <c>fulcrum map</c> proposes):
/// they count in the expansion probability model (they are expansions) but are left out of the expansion amount model, which
/// would otherwise read them as $0 of expansion, and the linkage says how many it did not value.
/// </summary>
public sealed class ExpansionsWithoutArrTests : IClassFixture<ExpansionsWithoutArrTests.Company>
{
    const string Unvalued = "kind = 'expansion' AND account_id IN (SELECT account_id FROM accounts ORDER BY account_id LIMIT 700)";

    public sealed class Company() : AlteredDemoCompany($"UPDATE outcomes SET arr_before = NULL, arr_after = NULL WHERE {Unvalued}");

    readonly Company _company;

    public ExpansionsWithoutArrTests(Company company) => _company = company;

    [Fact]
    public void Renewal_facts_hold_no_amount_for_an_expansion_without_ARR_and_still_count_it_as_an_expansion()
    {
        var store = _company.Store;
        var renewals = new AnalysisFacts(store).Renewals();
        var unvalued = store.Scalar<long>($"SELECT COUNT(*) FROM {renewals} WHERE expanded AND expansion_amount IS NULL");
        Assert.True(unvalued > 0);
        // Every one of them is an account whose expansions lost their ARR; none was turned into a $0 expansion.
        Assert.Equal(0, store.Scalar<long>($"""
            SELECT COUNT(*) FROM {renewals} f WHERE f.expansion_amount IS NULL
               AND f.account_id NOT IN (SELECT account_id FROM outcomes WHERE {Unvalued})
            """));
        Assert.Equal(0, store.Scalar<long>($"""
            SELECT COUNT(*) FROM {renewals} f WHERE f.expanded AND f.expansion_amount = 0
               AND f.account_id IN (SELECT account_id FROM outcomes WHERE {Unvalued})
            """));
        Assert.Equal(store.Scalar<long>($"SELECT COUNT(*) FROM {renewals} WHERE expanded"), _company.Report.Linkage.Data.Expansions);
    }

    [Fact]
    public void The_amount_model_reads_only_valued_expansions_and_the_probability_model_reads_them_all()
    {
        var d = LinkageDataset.Load(new AnalysisFacts(_company.Store), new LinkageOptions { Resamples = 100 });
        var totals = LinkageModels.Fit(d).FullTotals;
        var expanded = Enumerable.Range(0, d.Expanded.Length).Where(i => d.Expanded[i]).ToList();
        var valued = expanded.Where(i => !double.IsNaN(d.ExpansionAmount[i]) && d.ArrBefore[i] > 0).ToList();
        Assert.True(d.UnvaluedExpansions > 0);
        Assert.Equal(expanded.Count - valued.Count, d.UnvaluedExpansions);
        Assert.Equal(expanded.Count, totals.Expansions.Sum(), 6);
        Assert.Equal(valued.Sum(i => d.ArrBefore[i]), totals.ExpansionArr.Sum(), 3);
        Assert.Equal(valued.Sum(i => d.ExpansionAmount[i]), totals.ExpansionAmount.Sum(), 3);
        Assert.True(totals.ExpansionAmount.Sum() > 0);
    }

    [Fact]
    public void Linkage_says_how_many_expansions_it_counted_but_did_not_value()
    {
        var d = LinkageDataset.Load(new AnalysisFacts(_company.Store), new LinkageOptions { Resamples = 100 });
        var warning = Assert.Single(_company.Report.Linkage.Warnings, w => w.Contains("without ARR (no arr_before or arr_after on record)", StringComparison.Ordinal));
        Assert.Equal($"{d.UnvaluedExpansions:N0} expansions without ARR (no arr_before or arr_after on record) are counted as expansions but not valued: "
            + "the expansion amount model reads only the expansions with ARR before and after.", warning);
        Assert.NotNull(LinkageModels.Fit(d).Amount);
    }
}
