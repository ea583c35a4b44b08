using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Segments;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Segments;

public sealed class GrowthCheckTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    [Fact]
    public void Mix_and_rate_effects_add_up_to_the_total_change()
    {
        var report = GrowthCheck.Run(new AnalysisFacts(demo.Store), new GrowthCheckOptions());
        var d = report.Decomposition;

        Assert.Equal(report.TotalChange.Difference.Value, d.MixEffect.Value + d.RateEffect.Value, 9);
        Assert.Equal(d.RateEffect.Value, d.Groups.Sum(g => g.RateContribution), 9);
        Assert.Equal(report.TotalAfter.Value - report.TotalBefore.Value, report.TotalChange.Difference.Value, 9);
        Assert.All(d.Groups, g => Assert.True(g.Before.Lower <= g.Before.Value && g.Before.Value <= g.Before.Upper));
    }

    [Fact]
    public void Demo_company_decline_hidden_under_growth_is_found_named_and_priced()
    {
        var report = GrowthCheck.Run(new AnalysisFacts(demo.Store), new GrowthCheckOptions());

        // Total NPS rises (planted: new happy small accounts, initiatives) ...
        Assert.True(report.TotalChange.Difference.Value > 0, $"total change {report.TotalChange.Difference}");
        // ... while Enterprise, where most multi-product accounts sit and no initiative helps, falls behind the rest.
        var enterprise = Assert.Single(report.Findings, f => f.Segment is [{ Dimension: "segment", Value: "Enterprise" }]);
        Assert.True(enterprise.DifferenceVsRest.Upper < 0, $"Enterprise vs rest {enterprise.DifferenceVsRest}");
        Assert.True(enterprise.QValue < 0.05);
        Assert.True(enterprise.ArrExposed > 0);
        Assert.Contains("Enterprise", enterprise.Statement);
        Assert.Contains(report.Statements, s => s.StartsWith("Trouble hidden under growth", StringComparison.Ordinal));
        // Findings are ranked: declines first, then by ARR exposed.
        var declines = report.Findings.TakeWhile(f => f.DifferenceVsRest.Value < 0).ToList();
        Assert.Equal(declines.OrderByDescending(f => f.ArrExposed).Select(f => f.Statement), declines.Select(f => f.Statement));
    }

    [Fact]
    public void Without_segments_the_decomposition_is_by_the_first_dimension_with_two_groups()
    {
        using var store = FulcrumStore.Open(":memory:");
        // A shop: regions, no segment. Before: North 2 promoters, South 2 detractors; after: North 1 promoter, South 3 detractors.
        store.Execute("INSERT INTO accounts (account_id, region) VALUES ('A', 'North'), ('B', 'North'), ('C', 'South'), ('D', 'South')");
        var rows = new (string Account, string Day, int Nps)[]
        {
            ("A", "2023-02-01", 10), ("B", "2023-03-01", 9), ("C", "2023-04-01", 2), ("D", "2023-05-01", 3),
            ("A", "2024-02-01", 10), ("C", "2024-03-01", 0), ("D", "2024-04-01", 4), ("C", "2024-05-01", 5),
        };
        var i = 0;
        foreach (var (account, day, nps) in rows)
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES ($id, $account, CAST($day AS TIMESTAMP), $nps)",
                new { id = $"R{i++}", account, day, nps });
        var periods = (Before: new PeriodRange("2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
            After: new PeriodRange("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));

        var automatic = GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(Before: periods.Before, After: periods.After, MinN: 1));
        Assert.Equal("region", automatic.Decomposition.Dimension);
        Assert.Equal(["North", "South"], automatic.Decomposition.Groups.Select(g => g.Group));
        // Shares 50/50 → 25/75 at unchanged rates (+100, −100): all of the −50-point change is mix.
        Assert.Equal(-50, automatic.Decomposition.MixEffect.Value, 9);
        Assert.Equal(0, automatic.Decomposition.RateEffect.Value, 9);
        // No account carries ARR: no statement puts "$0 ARR" on a segment.
        Assert.All(automatic.Statements.Concat(automatic.Findings.Select(f => f.Statement)), s => Assert.DoesNotContain("ARR", s, StringComparison.Ordinal));

        // Asked for by name, the segment is kept, though it has one group only.
        var bySegment = GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(By: "segment", Before: periods.Before, After: periods.After, MinN: 1));
        Assert.Equal("segment", bySegment.Decomposition.Dimension);
        Assert.Single(bySegment.Decomposition.Groups);
    }

    [Fact]
    public void Decomposition_matches_a_hand_computed_example()
    {
        using var store = FulcrumStore.Open(":memory:");
        store.Execute("INSERT INTO accounts (account_id, segment) VALUES ('A', 'Big'), ('B', 'Small')");
        // 2023: Big 4 responses (2 promoters, 2 detractors → NPS 0), Small 1 promoter (NPS 100): total 20.
        // 2024: Big 2 responses (2 detractors → −100), Small 2 promoters (100): total 0.
        var rows = new (string Account, string Day, int Nps)[]
        {
            ("A", "2023-02-01", 10), ("A", "2023-03-01", 9), ("A", "2023-04-01", 2), ("A", "2023-05-01", 3), ("B", "2023-06-01", 10),
            ("A", "2024-02-01", 1), ("A", "2024-03-01", 0), ("B", "2024-04-01", 9), ("B", "2024-05-01", 10),
        };
        var i = 0;
        foreach (var (account, day, nps) in rows)
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES ($id, $account, CAST($day AS TIMESTAMP), $nps)",
                new { id = $"R{i++}", account, day, nps });

        var report = GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(
            Before: new PeriodRange("2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
            After: new PeriodRange("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            ScanDimensions: ["segment"], MinN: 1));

        // Shares: Big 0.8 → 0.5, Small 0.2 → 0.5. Mix = (−0.3)(0 + −100)/2 + (0.3)(100 + 100)/2 = 15 + 30 = 45.
        // Rate = (−100 − 0)(0.8 + 0.5)/2 + (100 − 100)(0.2 + 0.5)/2 = −65. Total = −20.
        var d = report.Decomposition;
        Assert.Equal(-20, report.TotalChange.Difference.Value, 9);
        Assert.Equal(45, d.MixEffect.Value, 9);
        Assert.Equal(-65, d.RateEffect.Value, 9);
        Assert.Equal(0.8, d.Groups.Single(g => g.Group == "Big").ShareBefore, 9);
    }

    [Fact]
    public void Overlapping_periods_are_refused()
    {
        var options = new GrowthCheckOptions(
            Before: new PeriodRange("a", new DateOnly(2023, 1, 1), new DateOnly(2024, 6, 30)),
            After: new PeriodRange("b", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        var error = Assert.Throws<ArgumentException>(() => GrowthCheck.Run(new AnalysisFacts(demo.Store), options));
        Assert.Contains("overlap", error.Message);
    }

    /// <summary>A CSAT-only company surveyed once: every answer on 2022-09-30 (as the IBM Telco snapshot).</summary>
    static FulcrumStore SingleDateCsatStore()
    {
        var store = FulcrumStore.Open(":memory:");
        store.Execute("INSERT INTO accounts (account_id, segment) VALUES ('A', 'Big'), ('B', 'Small')");
        for (var i = 0; i < 40; i++)
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, csat) VALUES ($id, $account, TIMESTAMP '2022-09-30 10:00:00', $csat)",
                new { id = $"R{i}", account = i % 2 == 0 ? "A" : "B", csat = 1 + i % 5 });
        return store;
    }

    [Fact]
    public void Answers_on_a_single_date_are_refused_with_that_date_never_an_inverted_period_or_NaN()
    {
        using var store = SingleDateCsatStore();
        var error = Assert.Throws<MissingDataException>(() =>
            GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(Metric: "csat", ScanDimensions: ["segment"], MinN: 1)));

        Assert.Equal("growth-check needs CSAT answers in two periods; all CSAT answers fall on 2022-09-30.", error.Message);
        Assert.NotEmpty(error.Missing);
    }

    [Fact]
    public void A_metric_nobody_answered_is_refused_by_name_rather_than_compared_as_NaN()
    {
        using var store = SingleDateCsatStore();
        var error = Assert.Throws<MissingDataException>(() => GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(Metric: "nps")));

        Assert.StartsWith("No NPS answers on record", error.Message);
    }

    [Fact]
    public void A_period_without_answers_is_named_with_where_the_answers_are()
    {
        using var store = SingleDateCsatStore();
        var error = Assert.Throws<MissingDataException>(() => GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(Metric: "csat",
            Before: new PeriodRange("2021Q3", new DateOnly(2021, 7, 1), new DateOnly(2021, 9, 30)),
            After: new PeriodRange("2022Q3", new DateOnly(2022, 7, 1), new DateOnly(2022, 9, 30)), ScanDimensions: ["segment"], MinN: 1)));

        Assert.Equal("growth-check needs CSAT answers in both periods; there are none in 2021Q3 (2021-07-01 to 2021-09-30), and all CSAT answers fall on 2022-09-30.",
            error.Message);
        Assert.DoesNotContain("NaN", error.Message);
    }
}
