using Dapper;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// Today's book is the accounts holding a product at the close of the last day of data. IBM Telco's mapping, like the
/// demo, ends a churned customer's subscriptions on the churn's date, which was also the last day of data: the book
/// then held all 7,043 customers ($5.47M ARR) instead of the 5,174 who stayed ($3.80M), and one later row changed it.
/// </summary>
public sealed class TodaysBookTests
{
    static readonly DateOnly LastDay = new(2022, 9, 30);

    /// <summary>
    /// stays: held, no end. ends: ended and churned on the last day. churnOnly: churned on the last day, its subscription
    /// left open. winBack: churned a year earlier, took a product up again after. later: ends after the last day.
    /// </summary>
    static FulcrumStore Store(DateOnly? laterAnswer = null)
    {
        var store = FulcrumStore.Open(":memory:");
        void Account(string id, DateOnly start, DateOnly? end, double arr)
        {
            store.Execute("INSERT INTO accounts (account_id, name, segment, created_at) VALUES ($id, $id, 'Consumer', $start)",
                new { id, start = start.ToDateTime(TimeOnly.MinValue) });
            store.Execute("INSERT INTO subscriptions (account_id, product, start_date, end_date, arr) VALUES ($id, 'Phone', $start, $end, $arr)",
                new { id, start = start.ToDateTime(TimeOnly.MinValue), end = end?.ToDateTime(TimeOnly.MinValue), arr });
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, csat) VALUES ($id, $id, $day, 3)",
                new { id, day = LastDay.ToDateTime(TimeOnly.MinValue) });
        }
        void Outcome(string id, DateOnly day, string kind, double arr) =>
            store.Execute("INSERT INTO outcomes (account_id, outcome_date, kind, arr_before, arr_after) VALUES ($id, $day, $kind, $arr, $after)",
                new { id, day = day.ToDateTime(TimeOnly.MinValue), kind, arr, after = kind == "churn" ? 0 : arr });
        Account("stays", new DateOnly(2020, 1, 1), null, 1_000);
        Outcome("stays", LastDay, "renewal", 1_000);
        Account("ends", new DateOnly(2020, 1, 1), LastDay, 2_000);
        Outcome("ends", LastDay, "churn", 2_000);
        Account("churnOnly", new DateOnly(2020, 1, 1), null, 4_000);
        Outcome("churnOnly", LastDay, "churn", 4_000);
        Account("winBack", new DateOnly(2020, 1, 1), new DateOnly(2021, 6, 30), 8_000);
        Outcome("winBack", new DateOnly(2021, 6, 30), "churn", 8_000);
        store.Execute("INSERT INTO subscriptions (account_id, product, start_date, arr) VALUES ('winBack', 'Phone', DATE '2022-01-01', 16000)");
        Account("later", new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31), 32_000);
        if (laterAnswer is { } day)
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, csat) VALUES ('late', 'stays', $day, 4)",
                new { day = day.ToDateTime(TimeOnly.MinValue) });
        return store;
    }

    static Dictionary<string, double> Book(FulcrumStore store) =>
        store.Query<(string Id, double Arr)>($"SELECT account_id, arr FROM {new AnalysisFacts(store).Book()}").ToDictionary(r => r.Id, r => r.Arr);

    [Fact]
    public void A_subscription_ending_or_churned_on_the_last_day_is_not_on_the_book()
    {
        using var store = Store();
        var book = Book(store);
        Assert.Equal(new Dictionary<string, double> { ["stays"] = 1_000, ["winBack"] = 16_000, ["later"] = 32_000 }, book);
    }

    [Fact]
    public void A_later_row_does_not_change_who_left()
    {
        using var store = Store(laterAnswer: new DateOnly(2030, 1, 1));
        // On 2030-01-01 the subscription ending 2022-12-31 is over too; the others are as on the last day.
        Assert.Equal(new Dictionary<string, double> { ["stays"] = 1_000, ["winBack"] = 16_000 }, Book(store));
    }

    [Fact]
    public void ARR_now_of_the_segments_and_the_segment_scan_is_the_books()
    {
        using var store = Store();
        var facts = new AnalysisFacts(store);
        var cube = SegmentCube.Build(facts, MetricDefinition.Resolve("csat"), [Dimension.Resolve("segment")]);
        Assert.Equal(49_000, cube.Sum([]).Arr, 1e-6);
    }
}
