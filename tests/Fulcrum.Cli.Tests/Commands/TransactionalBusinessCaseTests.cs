using System.Text.Json;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// `fulcrum business-case` on a transactional company with no renewals (generate --kind shop: orders, repeat purchases,
/// refunds): the repeat-purchase lever is valued in money with an interval and the planted effect is recovered.
/// </summary>
public sealed class TransactionalBusinessCaseTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-shop-bc-").FullName;

    [Fact]
    public void Business_case_on_a_shop_values_the_repeat_purchase_lever_with_an_interval_and_finds_the_planted_odds_ratio()
    {
        var db = Path.Combine(_directory, "shop.duckdb");
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "4000", "--seed", "11", "--db", db]));

        using var capture = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["business-case", "--resamples", "200", "--json", "--out", Path.Combine(_directory, "bc"), "--db", db]));
        using var json = JsonDocument.Parse(capture.Standard);
        var root = json.RootElement;

        var npv = root.GetProperty("lever").GetProperty("npv");
        Assert.True(npv.GetProperty("isDefined").GetBoolean());
        Assert.True(npv.GetProperty("lower").GetDouble() < npv.GetProperty("value").GetDouble() && npv.GetProperty("value").GetDouble() < npv.GetProperty("upper").GetDouble());
        Assert.True(root.GetProperty("lever").GetProperty("extraGrossMargin").GetProperty("lower").GetDouble() > 0);

        double planted;
        using (var store = FulcrumStore.Open(db))
            planted = GroundTruth.Read(store).Single(e => e.EffectId == ShopCompanyGenerator.RepeatOddsRatio).Nominal!.Value;
        var ratio = root.GetProperty("oddsRatioLowestVsTop");
        Assert.InRange(planted, ratio.GetProperty("lower").GetDouble(), ratio.GetProperty("upper").GetDouble());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
