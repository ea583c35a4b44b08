using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// A shop (orders and CSAT reviews, no renewals; 200 customers, seed 9) with a theme put on its dissatisfied reviews: the
/// impact is read on CSAT, and the reason there is no churn money points to repeat purchase, not to renewals a shop never has.
/// </summary>
public sealed class ShopThemeImpactTests
{
    [Fact]
    public void A_shops_themes_carry_a_CSAT_impact_and_point_to_repeat_purchase_for_money()
    {
        using var store = FulcrumStore.Open(":memory:");
        ShopCompanyGenerator.Generate(store, new ShopCompanyOptions(Customers: 200, Seed: 9));
        var now = DateTime.UtcNow;
        store.Execute("""
            INSERT INTO themes (theme_id, label, origin, status, model, dimension, centroid, created_at, updated_at)
            VALUES ('T001', 'late delivery', 'discovered', 'active', 'test', 0, ''::BLOB, $now, $now)
            """, new { now });
        store.Execute("INSERT INTO response_themes SELECT response_id, 'T001', 0.5, -0.5, true FROM responses WHERE comment IS NOT NULL AND csat <= 2");

        var report = ThemeImpactAnalysis.Run(store, new ThemeImpactOptions(Replicates: 200));

        Assert.Equal("CSAT", report.ScoreMetric);
        var theme = Assert.Single(report.Themes);
        Assert.True(theme.ScoreImpact.IsDefined && theme.ScoreImpact.Upper < 0, theme.ScoreImpact.ToString());
        Assert.False(report.Money.IsDefined);
        Assert.EndsWith("These data record orders instead: what satisfaction is worth in repeat purchase is in `fulcrum repeat-purchase`.", report.Money.Reason);
        Assert.Null(theme.ArrAtRisk);
    }
}
