using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Store;

public sealed class AssumptionStoreTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    [Fact]
    public void A_new_store_holds_every_default_assumption()
    {
        var list = new AssumptionStore(_store).List();
        Assert.Equal(DefaultAssumptions.All.Select(a => a.Name).Order(), list.Select(a => a.Name).Order());
        Assert.All(list, a => Assert.True(a.IsDefault, a.Name));
        Assert.All(list, a => Assert.InRange(a.Value, a.Min, a.Max));
    }

    [Fact]
    public void Set_changes_a_value_within_its_range_and_returns_the_previous_one()
    {
        var assumptions = new AssumptionStore(_store);
        Assert.Equal(0.75, assumptions.Set("gross_margin", 0.8));
        Assert.Equal(0.8, assumptions.Get("gross_margin"));
        Assert.False(assumptions.List().Single(a => a.Name == "gross_margin").IsDefault);
        Assert.Equal(0.8, assumptions.Reset("gross_margin"));
        Assert.Equal(0.75, assumptions.Get("gross_margin"));
    }

    [Theory]
    [InlineData("gross_margin", 0)]
    [InlineData("gross_margin", 1.01)]
    [InlineData("discount_rate", -0.1)]
    [InlineData("horizon_months", 0)]
    [InlineData("cost_per_agent_hour", double.NaN)]
    public void Out_of_range_values_are_refused_with_the_allowed_range(string name, double value)
    {
        var error = Assert.Throws<StoreException>(() => new AssumptionStore(_store).Set(name, value));
        Assert.Contains(name, error.Message);
        Assert.Contains("between", error.Message);
    }

    [Fact]
    public void Unknown_assumptions_are_refused_with_the_known_names()
    {
        var error = Assert.Throws<StoreException>(() => new AssumptionStore(_store).Set("cost_per_unicorn", 1));
        Assert.Contains("cost_per_agent_hour", error.Message);
    }

    public void Dispose() => _store.Dispose();
}
