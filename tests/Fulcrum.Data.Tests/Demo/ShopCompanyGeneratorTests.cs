using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>The transactional demo company: orders and CSAT reviews, no renewals, tickets or NPS, with the planted effects realized.</summary>
public sealed class ShopCompanyGeneratorTests
{
    static readonly Lazy<FulcrumStore> Shop = new(() =>
    {
        var store = FulcrumStore.Open(":memory:");
        ShopCompanyGenerator.Generate(store, new ShopCompanyOptions(Customers: 3_000, Seed: 5, Languages: new Dictionary<string, double> { ["pt"] = 1, ["es"] = 1 }));
        return store;
    });

    [Fact]
    public void A_shop_has_customers_orders_and_csat_reviews_but_no_subscriptions_renewals_tickets_or_nps()
    {
        var store = Shop.Value;
        Assert.Equal(3_000, store.Count("accounts"));
        Assert.True(store.Count("orders") > 4_000, $"{store.Count("orders")} orders");
        Assert.True(store.Count("responses") > 2_500);
        foreach (var empty in new[] { "subscriptions", "outcomes", "tickets" }) Assert.Equal(0, store.Count(empty));
        Assert.Equal(0, store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE nps IS NOT NULL OR ces IS NOT NULL"));
        Assert.Equal(0, store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE csat < 1 OR csat > 5 OR csat IS NULL"));
    }

    [Fact]
    public void Comments_are_in_portuguese_and_spanish_with_and_without_accents()
    {
        var comments = Shop.Value.Query<string>("SELECT comment FROM responses WHERE comment IS NOT NULL").ToList();
        Assert.Contains(comments, c => c.Contains("não recebi", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(comments, c => c.Contains("nao recebi", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(comments, c => c.Contains("recomiendo", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(comments, c => c.Contains("The order arrived", StringComparison.Ordinal));
    }

    [Fact]
    public void The_planted_effects_are_realized_near_their_nominal_values()
    {
        var effects = GroundTruth.Read(Shop.Value).ToDictionary(e => e.EffectId);
        var odds = effects[ShopCompanyGenerator.RepeatOddsRatio];
        Assert.InRange(odds.Realized!.Value, odds.Nominal!.Value * 0.6, odds.Nominal.Value * 1.5);
        var late = effects[ShopCompanyGenerator.LateDeliveryCsat];
        Assert.InRange(late.Realized!.Value, -1.9, -0.9); // rounding and the 1-5 cap shrink the latent −1.6
        var refunds = effects[ShopCompanyGenerator.RefundRate];
        Assert.InRange(refunds.Realized!.Value, 0.25, 0.45);
    }

    [Fact]
    public void The_same_seed_gives_the_same_shop()
    {
        using var a = FulcrumStore.Open(":memory:");
        using var b = FulcrumStore.Open(":memory:");
        var options = new ShopCompanyOptions(Customers: 200, Seed: 9);
        var ra = ShopCompanyGenerator.Generate(a, options);
        var rb = ShopCompanyGenerator.Generate(b, options);
        Assert.Equal(ra, rb);
        Assert.Equal(a.Scalar<double>("SELECT SUM(amount) FROM orders"), b.Scalar<double>("SELECT SUM(amount) FROM orders"));
    }

    [Fact]
    public void Unknown_languages_are_refused_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => new ShopCompanyOptions(Languages: new Dictionary<string, double> { ["de"] = 1 }).Validate());
        Assert.Contains("en, pt, es", error.Message);
    }
}
