using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Metrics;

public sealed class NpsOverviewAnalysisTests
{
    [Fact]
    public void Nps_by_year_counts_promoters_minus_detractors_from_the_store()
    {
        using var store = FulcrumStore.Open(":memory:");
        store.Execute("INSERT INTO accounts (account_id, segment) VALUES ('A', 'SMB'), ('B', 'Enterprise')");
        // 2024: scores 10, 9, 7, 3 → NPS = (2 - 1) / 4 = 25; 2025: 10, 0 → 0.
        var scores = new (string Account, string At, int Nps)[]
        {
            ("A", "2024-03-01", 10), ("A", "2024-04-01", 9), ("B", "2024-05-01", 7), ("B", "2024-06-01", 3),
            ("A", "2025-03-01", 10), ("B", "2025-03-02", 0),
        };
        var i = 0;
        foreach (var (account, at, nps) in scores)
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES ($id, $account, CAST($at AS TIMESTAMP), $nps)",
                new { id = $"R{i++}", account, at, nps });

        var overview = NpsOverviewAnalysis.Run(new Fulcrum.Analytics.Facts.AnalysisFacts(store));

        Assert.Equal([2024, 2025], overview.ByYear.Select(y => y.Year));
        Assert.Equal(25, overview.ByYear[0].Nps.Value, 10);
        Assert.Equal(4, overview.ByYear[0].Nps.N);
        Assert.Equal(0, overview.ByYear[1].Nps.Value, 10);
        Assert.True(overview.ByYear[0].Nps.Lower < 25 && overview.ByYear[0].Nps.Upper > 25);
        Assert.Null(overview.Adopters);
    }

    [Fact]
    public void Demo_company_shows_the_multi_product_decline_while_total_nps_rises()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fulcrum-overview-{Guid.NewGuid():N}.duckdb");
        try
        {
            using var store = FulcrumStore.Open(path);
            DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(Accounts: 2_000, Years: 3, Seed: 7));

            var overview = NpsOverviewAnalysis.Run(new Fulcrum.Analytics.Facts.AnalysisFacts(store));

            Assert.True(overview.ByYear[^1].Nps.Value >= overview.ByYear[0].Nps.Value - 2,
                $"total NPS should be flat or up: {overview.ByYear[0].Nps} → {overview.ByYear[^1].Nps}");
            var adopters = Assert.IsType<AdopterShift>(overview.Adopters);
            Assert.True(adopters.Change.IsSignificant(), $"adopters' change should be significant: {adopters.Change.Difference}, p={adopters.Change.PValue}");
            // Planted: about -20 points within the same accounts; this cross-sectional split mixes in other changes, so a wide band.
            Assert.InRange(adopters.Change.Difference.Value, -25, -4);
            Assert.True(adopters.ArrNow > 0);
            // Each segment's change carries its Benjamini–Hochberg q across the segments (as growth-check's groups), and a
            // fall is one whose q, not its p, is within the FDR.
            Assert.Equal(MultipleTesting.BenjaminiHochberg(overview.Shifts.Select(s => s.Change.PValue).ToList()), overview.Shifts.Select(s => s.QValue!.Value));
            Assert.All(overview.Shifts, s => Assert.Equal(s.QValue <= 0.05 && s.Change.Difference.Value < 0, s.FellAt(overview.Fdr)));
            Assert.Equal(0.05, overview.Fdr);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(file);
        }
    }
}
