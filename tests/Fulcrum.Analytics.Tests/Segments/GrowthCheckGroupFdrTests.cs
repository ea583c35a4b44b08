using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Segments;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Segments;

/// <summary>
/// The decomposition's group statements ("Hidden under growth: within segment …") are as many tests as there are groups, so they
/// use the Benjamini–Hochberg q across the groups, as the scan does, never the unadjusted p. Reference:
/// Reference/growth_groups_fdr_reference.py (statsmodels multipletests, method="fdr_bh").
/// </summary>
public sealed class GrowthCheckGroupFdrTests
{
    /// <summary>
    /// Five segments, one answer per account per year (so the account clusters are single answers). Promoters, passives and
    /// detractors per year: Rise grows strongly (the total does not fall); Steep, Mild, Slight fall by less and less; Flat stays.
    /// </summary>
    static FulcrumStore Store()
    {
        var store = FulcrumStore.Open(":memory:");
        var groups = new (string Segment, (int P, int Pa, int D) Before, (int P, int Pa, int D) After)[]
        {
            ("Rise", (20, 20, 20), (45, 10, 5)),
            ("Sharp", (30, 20, 10), (15, 20, 25)),
            ("Steep", (30, 20, 10), (21, 20, 19)),
            ("Mild", (30, 20, 10), (24, 20, 16)),
            ("Slight", (30, 20, 10), (25, 21, 14)),
            ("Flat", (30, 20, 10), (30, 20, 10)),
        };
        var n = 0;
        foreach (var (segment, before, after) in groups)
            foreach (var (year, (p, pa, d)) in new[] { (2023, before), (2024, after) })
            {
                var scores = Enumerable.Repeat(10, p).Concat(Enumerable.Repeat(8, pa)).Concat(Enumerable.Repeat(3, d)).ToList();
                for (var i = 0; i < scores.Count; i++, n++)
                {
                    var account = $"{segment}-{year}-{i}";
                    store.Execute("INSERT INTO accounts (account_id, segment) VALUES ($account, $segment)", new { account, segment });
                    store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES ($id, $account, CAST($day AS TIMESTAMP), $nps)",
                        new { id = $"R{n}", account, day = $"{year}-{1 + i % 12:00}-15", nps = scores[i] });
                }
            }
        return store;
    }

    static GrowthCheckReport Run(FulcrumStore store) => GrowthCheck.Run(new AnalysisFacts(store), new GrowthCheckOptions(
        Before: new PeriodRange("2023", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
        After: new PeriodRange("2024", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
        By: "segment", ScanDimensions: ["segment"], ScanPairs: false, MinN: 10));

    /// <summary>Fulcrum's p of each group's change (checked here) and statsmodels' fdr_bh q of them (the reference script's output).</summary>
    static readonly Dictionary<string, (double P, double Q)> Reference = new()
    {
        ["Flat"] = (1.0, 1.0),
        ["Mild"] = (0.1615764753878297, 0.24236471308174456),
        ["Rise"] = (6.222335793282241e-07, 3.7334014759693446e-06),
        ["Sharp"] = (0.00044126122787946365, 0.001323783683638391),
        ["Slight"] = (0.2871931615765626, 0.3446317938918751),
        ["Steep"] = (0.037041587054876146, 0.07408317410975229),
    };

    [Fact]
    public void Group_q_values_are_Benjamini_Hochberg_across_the_groups_as_statsmodels_gives_them()
    {
        using var store = Store();
        var groups = Run(store).Decomposition.Groups;

        Assert.Equal(Reference.Keys.Order(), groups.Select(g => g.Group).Order());
        foreach (var g in groups)
        {
            Assert.Equal(Reference[g.Group].P, g.Change.PValue, 1e-12);
            Assert.Equal(Reference[g.Group].Q, g.QValue!.Value, 1e-12);
        }
    }

    [Fact]
    public void Hidden_under_growth_states_the_groups_that_fell_at_the_false_discovery_rate_with_their_q()
    {
        using var store = Store();
        var report = Run(store);

        // The total did not fall significantly (−8.1 points, p 0.17): a group's fall is "hidden under growth".
        Assert.False(report.TotalChange.IsSignificant());
        var hidden = Assert.Single(report.Statements, s => s.StartsWith("Hidden under growth:", StringComparison.Ordinal));
        // Sharp fell 50 points, q 0.0013 (p 0.00044 before the adjustment).
        Assert.Equal("Hidden under growth: within segment Sharp, NPS fell 50.0 points (33.3 → -16.7, q = 0.001) while the total did not fall.", hidden);
        // Steep fell 30 points with p 0.037, under 0.05 unadjusted, but q 0.074 across the six groups: not stated any more.
        Assert.DoesNotContain(report.Statements, s => s.Contains("Steep", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Statements, s => s.Contains(", p ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_present_in_one_period_only_has_no_q_and_is_not_counted()
    {
        using var store = Store();
        // A segment answered in 2024 only: it changes the mix, it has no change of its own to test.
        for (var i = 0; i < 20; i++)
        {
            store.Execute("INSERT INTO accounts (account_id, segment) VALUES ($account, 'New')", new { account = $"New-{i}" });
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES ($id, $account, TIMESTAMP '2024-06-15 00:00:00', 9)",
                new { id = $"N{i}", account = $"New-{i}" });
        }
        var groups = Run(store).Decomposition.Groups;

        Assert.Null(groups.Single(g => g.Group == "New").QValue);
        // The six groups with a change keep the q of six tests.
        Assert.Equal(Reference["Steep"].Q, groups.Single(g => g.Group == "Steep").QValue!.Value, 1e-12);
    }
}
