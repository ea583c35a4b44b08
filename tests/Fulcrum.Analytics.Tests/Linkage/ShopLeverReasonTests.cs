using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// A shop (orders, CSAT reviews, no renewals, 200 customers, seed 9): the linkage's reason for valuing no lever points to
/// repeat purchase, not to importing renewals a shop never has.
/// </summary>
public sealed class ShopLeverReasonTests
{
    [Fact]
    public void Without_renewals_but_with_orders_the_reason_points_to_repeat_purchase()
    {
        using var store = FulcrumStore.Open(":memory:");
        ShopCompanyGenerator.Generate(store, new ShopCompanyOptions(Customers: 200, Seed: 9));
        var missing = Assert.Throws<MissingDataException>(() => BusinessCaseAnalysis.Run(new AnalysisFacts(store), new LinkageOptions { Resamples = 100 }));
        Assert.EndsWith("The store records orders: a business that sells by order values CX as repeat purchase (fulcrum repeat-purchase; fulcrum business-case values that lever).",
            missing.Message);
        Assert.Equal(["repeat purchase: fulcrum repeat-purchase (orders and CSAT or NPS answers)"], missing.Missing);
    }
}
