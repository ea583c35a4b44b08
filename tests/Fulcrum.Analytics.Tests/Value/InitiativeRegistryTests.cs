using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Value;

public sealed class InitiativeRegistryTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");
    InitiativeRegistry Registry => new(_store);

    static Initiative Sample(string id = "INIT-1", string kind = Initiative.QuickWin, string? target = "region = 'EMEA'", DateOnly? end = null, double? cost = 10_000) =>
        new(id, "Callback", kind, new DateOnly(2024, 1, 1), end, cost, target, "detractor follow-up", "Maya", "active");

    [Fact]
    public void Add_list_show_and_close_round_trip()
    {
        Registry.Add(Sample());
        Registry.Add(Sample("INIT-2", Initiative.LongTerm, "segment=Mid-Market"));
        Assert.Equal(["INIT-1", "INIT-2"], Registry.List().Select(i => i.InitiativeId));
        var shown = Registry.Get("INIT-2");
        Assert.Equal(Initiative.LongTerm, shown.Kind);
        Assert.Equal("segment=Mid-Market", shown.Target);
        var closed = Registry.Close("INIT-1", new DateOnly(2024, 12, 31));
        Assert.Equal("closed", closed.Status);
        Assert.Equal(new DateOnly(2024, 12, 31), closed.EndDate);
    }

    [Fact]
    public void Bad_input_is_refused_with_clear_errors_and_nothing_written()
    {
        Assert.Contains("kind 'big'", Assert.Throws<InitiativeException>(() => Registry.Add(Sample(kind: "big"))).Message);
        Assert.Contains("unknown field 'colour'", Assert.Throws<InitiativeException>(() => Registry.Add(Sample(target: "colour = 'red'"))).Message);
        Assert.Contains("before start", Assert.Throws<InitiativeException>(() => Registry.Add(Sample(end: new DateOnly(2023, 1, 1)))).Message);
        Assert.Contains("non-negative", Assert.Throws<InitiativeException>(() => Registry.Add(Sample(cost: -5))).Message);
        Assert.Empty(Registry.List());
        Registry.Add(Sample());
        Assert.Contains("already exists", Assert.Throws<InitiativeException>(() => Registry.Add(Sample())).Message);
        Assert.Contains("No initiative 'NOPE'", Assert.Throws<InitiativeException>(() => Registry.Get("NOPE")).Message);
        Assert.Contains("cannot end earlier", Assert.Throws<InitiativeException>(() => Registry.Close("INIT-1", new DateOnly(2023, 6, 1))).Message);
        Registry.Close("INIT-1", new DateOnly(2024, 6, 1));
        Assert.Contains("already closed", Assert.Throws<InitiativeException>(() => Registry.Close("INIT-1", new DateOnly(2024, 7, 1))).Message);
    }

    [Fact]
    public void Validate_names_imported_rows_with_an_invalid_target()
    {
        _store.Execute("INSERT INTO initiatives (initiative_id, name, kind, start_date, target, status) VALUES ('X', 'x', 'quick_win', DATE '2024-01-01', 'region == EMEA', 'active')");
        var problem = Assert.Single(Registry.Validate());
        Assert.StartsWith("X: Target 'region == EMEA'", problem);
    }

    public void Dispose() => _store.Dispose();
}
