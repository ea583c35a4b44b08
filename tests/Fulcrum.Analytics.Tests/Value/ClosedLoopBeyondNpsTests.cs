using Fulcrum.Analytics.Value.ClosedLoop;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>
/// The closed loop of a company that asks CSAT only (`generate --csat-only`) and of a shop (`--kind shop`): dissatisfied
/// answers get follow-ups, and the measures compare the later CSAT and the hard outcome the store can say — churn where
/// customers renew, repeat purchase for a shop, absent with the reason where neither is on record.
/// </summary>
public sealed class ClosedLoopBeyondNpsTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    /// <summary>Syncs, then closes every other case (a day after the answer), so both groups have cases.</summary>
    SyncResult SyncAndCloseHalf()
    {
        var loop = new Followups(_store);
        var sync = loop.Sync();
        var cases = loop.List();
        foreach (var f in cases.Where((_, i) => i % 2 == 0))
        {
            loop.Assign(f.ResponseId, "Dee", f.OpenedAt!.Value.AddHours(1));
            loop.Close(f.ResponseId, "called back", f.OpenedAt!.Value.AddDays(1));
        }
        return sync;
    }

    static void AssertMeasured(FollowupComparison c, double min, double max)
    {
        Assert.Null(c.Missing);
        foreach (var e in new[] { c.FollowedUp, c.NotFollowedUp })
        {
            Assert.True(e.IsDefined && e.N > 0, $"{c.Measure}: {e}");
            Assert.InRange(e.Lower, min, max);
            Assert.InRange(e.Upper, min, max);
        }
        Assert.True(double.IsFinite(c.Difference.Difference.Lower) && double.IsFinite(c.Difference.Difference.Upper), $"{c.Difference.Difference}");
    }

    [Fact]
    public void A_CSAT_only_company_follows_up_dissatisfied_answers_and_compares_later_CSAT_and_churn()
    {
        DemoCompanyGenerator.Generate(_store, new DemoCompanyOptions(300, 3, 7, CsatOnly: true));
        var sync = SyncAndCloseHalf();
        Assert.Equal("dissatisfied answers (CSAT 1–2)", sync.Rule);
        Assert.Equal(_store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE csat <= 2"), sync.Opened);
        Assert.True(sync.Opened > 100, $"{sync.Opened} opened");

        var report = ClosedLoopMeasures.Run(_store);
        Assert.Equal("csat", report.Metric);
        Assert.Equal("CSAT of the account's next answer within 180 days", report.LaterScore.Measure);
        Assert.Equal("CSAT points", report.LaterScore.Unit);
        AssertMeasured(report.LaterScore, 1, 5);
        Assert.Equal("churn within 365 days", report.Outcome.Measure);
        AssertMeasured(report.Outcome, 0, 1);
        Assert.Contains("dissatisfied answers (CSAT 1–2)", report.Caveat);
        Assert.Contains("later CSAT and churn", report.Caveat);
    }

    [Fact]
    public void A_shop_compares_repeat_purchase_instead_of_churn()
    {
        ShopCompanyGenerator.Generate(_store, new ShopCompanyOptions(Customers: 1_000, Seed: 5));
        var sync = SyncAndCloseHalf();
        Assert.Equal("dissatisfied answers (CSAT 1–2)", sync.Rule);

        var report = ClosedLoopMeasures.Run(_store);
        Assert.Equal("repeat purchase within 180 days", report.Outcome.Measure);
        AssertMeasured(report.Outcome, 0, 1);
        Assert.Equal("CSAT of the account's next answer within 180 days", report.LaterScore.Measure);
        Assert.Null(report.LaterScore.Missing);
    }

    [Fact]
    public void Without_renewals_or_orders_the_hard_outcome_is_absent_with_the_reason_not_zero()
    {
        ShopCompanyGenerator.Generate(_store, new ShopCompanyOptions(Customers: 300, Seed: 5));
        _store.Execute("DELETE FROM orders");
        SyncAndCloseHalf();
        var outcome = ClosedLoopMeasures.Run(_store).Outcome;
        Assert.StartsWith("No renewal decisions or orders on record", outcome.Missing);
        Assert.False(outcome.FollowedUp.IsDefined);
        Assert.False(outcome.Difference.Difference.IsDefined);
    }

    [Fact]
    public void Without_scores_there_is_no_rule_and_no_later_score()
    {
        _store.Execute("""
            INSERT INTO accounts (account_id, name) VALUES ('A1', 'One');
            INSERT INTO responses (response_id, account_id, responded_at, comment) VALUES ('R1', 'A1', TIMESTAMP '2024-01-01 09:00', 'words only');
            """);
        var sync = new Followups(_store).Sync();
        Assert.Null(sync.Rule);
        Assert.Equal(0, sync.Opened);
        var report = ClosedLoopMeasures.Run(_store);
        Assert.Null(report.Rule);
        Assert.NotNull(report.LaterScore.Missing);
    }

    public void Dispose() => _store.Dispose();
}
