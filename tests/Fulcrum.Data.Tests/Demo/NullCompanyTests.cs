using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Demo;

public sealed class NullCompanyTests
{
    [Fact]
    public void Company_without_planted_effects_has_one_marker_row_and_no_multi_product_penalty()
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(600, 3, 9, PlantEffects: false));

        var effect = Assert.Single(GroundTruth.Read(store));
        Assert.Equal(GroundTruth.NoEffects, effect.EffectId);
        Assert.Contains("no planted effects", store.GetMetadata("generated_by"));
        // Same latent mean for every segment: segment NPS differ by noise only.
        var bySegment = store.Query<double>("""
            SELECT 100.0 * (AVG(CASE WHEN r.nps >= 9 THEN 1.0 ELSE 0 END) - AVG(CASE WHEN r.nps <= 6 THEN 1.0 ELSE 0 END))
            FROM responses r JOIN accounts a USING (account_id) GROUP BY a.segment
            """).ToList();
        Assert.True(bySegment.Max() - bySegment.Min() < 15, $"segment NPS spread {bySegment.Max() - bySegment.Min():F1}");
    }

    [Fact]
    public void Planted_and_null_companies_with_the_same_seed_differ()
    {
        using var planted = FulcrumStore.Open(":memory:");
        using var none = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(planted, new DemoCompanyOptions(300, 2, 4));
        DemoCompanyGenerator.Generate(none, new DemoCompanyOptions(300, 2, 4, PlantEffects: false));
        Assert.NotEqual(planted.Scalar<double>("SELECT AVG(nps) FROM responses"), none.Scalar<double>("SELECT AVG(nps) FROM responses"));
    }
}
