using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>Variants of the demo company: a planted complaint flag (nothing else changes) and a CSAT-only survey.</summary>
public sealed class CompanyVariantsTests
{
    [Fact]
    public void The_complaint_flag_is_planted_with_its_odds_ratio_and_leaves_the_rest_of_the_company_unchanged()
    {
        using var plain = FulcrumStore.Open(":memory:");
        using var flagged = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(plain, new DemoCompanyOptions(1_000, 3, 7));
        DemoCompanyGenerator.Generate(flagged, new DemoCompanyOptions(1_000, 3, 7, ComplaintOddsRatio: 4.4));

        foreach (var sql in new[]
                 {
                     "SELECT SUM(nps) + SUM(csat) + SUM(ces) FROM responses", "SELECT COUNT(*) FROM outcomes WHERE kind = 'churn'",
                     "SELECT SUM(arr) FROM subscriptions", "SELECT COUNT(*) FROM tickets", "SELECT SUM(LENGTH(name)) FROM accounts",
                 })
            Assert.Equal(plain.Scalar<double>($"SELECT CAST(({sql}) AS DOUBLE)"), flagged.Scalar<double>($"SELECT CAST(({sql}) AS DOUBLE)"));
        Assert.Equal(0, plain.Scalar<long>("SELECT COUNT(*) FROM accounts WHERE attributes ->> 'complaint' IS NOT NULL"));
        Assert.Equal(1_000, flagged.Scalar<long>("SELECT COUNT(*) FROM accounts WHERE attributes ->> 'complaint' IN ('yes', 'no')"));
        Assert.Equal(flagged.Scalar<double>("SELECT CAST(SUM(CAST(attributes ->> 'employees' AS INTEGER)) AS DOUBLE) FROM accounts"),
            plain.Scalar<double>("SELECT CAST(SUM(CAST(attributes ->> 'employees' AS INTEGER)) AS DOUBLE) FROM accounts"));

        var effect = GroundTruth.Read(flagged).Single(e => e.EffectId == GroundTruth.ComplaintChurn);
        Assert.Equal(4.4, effect.Nominal);
        // Realized odds ratio from ~250 churned and ~750 retained accounts: log OR has SE ≈ 0.18, so ±2.6 SE is ±0.47 on the log scale.
        Assert.InRange(Math.Log(effect.Realized!.Value), Math.Log(4.4) - 0.47, Math.Log(4.4) + 0.47);
        Assert.DoesNotContain(GroundTruth.Read(plain), e => e.EffectId == GroundTruth.ComplaintChurn);
    }

    [Fact]
    public void A_CSAT_only_company_answers_with_CSAT_and_nothing_else()
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(300, 2, 5, CsatOnly: true));

        Assert.True(store.Scalar<long>("SELECT COUNT(*) FROM responses") > 500);
        Assert.Equal(0, store.Scalar<long>("SELECT COUNT(nps) + COUNT(ces) FROM responses"));
        Assert.Equal(store.Scalar<long>("SELECT COUNT(*) FROM responses"), store.Scalar<long>("SELECT COUNT(csat) FROM responses WHERE csat BETWEEN 1 AND 5"));
        Assert.DoesNotContain(GroundTruth.Read(store), e => e.EffectId == GroundTruth.TotalNpsChange);
        Assert.All(GroundTruth.Read(store), e => Assert.False(e.Realized is { } r && double.IsNaN(r), e.EffectId));
        Assert.Contains("CSAT only", store.GetMetadata("generated_by"));
    }
}
