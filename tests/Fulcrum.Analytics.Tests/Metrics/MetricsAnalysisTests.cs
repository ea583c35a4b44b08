using Fulcrum.Data.Store;
using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>
/// <see cref="MetricsAnalysis"/> on small hand-made stores whose every figure is computed by hand in the comments;
/// intervals are checked against the Core estimators fed the hand-computed counts or sums.
/// </summary>
public abstract class MetricsAnalysisTests(StoreBackend backend)
{
    const double Tolerance = 1e-9;

    // ---------------------------------------------------------------- NPS per period, per group, and weights

    /// <summary>
    /// Three accounts. A1 (SMB, ARR 10k) and A2 (SMB, ARR 30k) hold product X; A3 (Enterprise) holds X (100k) and, from
    /// 2024-04-01, Y (50k).
    /// 2024-Q1: A1 10, 9; A2 3; A3 8, 0.       2024-Q2: A1 10; A2 7, 9; A3 2.
    /// </summary>
    MetricsTestStore WeightsFixture()
    {
        var s = new MetricsTestStore(backend)
            .Account("A1", "SMB", "2023-01-01", """{"tier":"gold"}""")
            .Account("A2", "SMB", "2023-01-01", """{"tier":"silver"}""")
            .Account("A3", "Enterprise", "2023-01-01", """{"tier":"gold"}""")
            .Subscription("A1", "X", "2023-01-01", null, 10_000)
            .Subscription("A2", "X", "2023-01-01", null, 30_000)
            .Subscription("A3", "X", "2023-01-01", null, 100_000)
            .Subscription("A3", "Y", "2024-04-01", null, 50_000);
        s.Nps("A1", "2024-01-15", 10).Nps("A1", "2024-02-15", 9).Nps("A2", "2024-01-20", 3).Nps("A3", "2024-02-01", 8).Nps("A3", "2024-03-01", 0);
        s.Nps("A1", "2024-04-15", 10).Nps("A2", "2024-05-01", 7).Nps("A2", "2024-05-20", 9).Nps("A3", "2024-06-01", 2);
        return s;
    }

    [Fact]
    public void Nps_per_period_is_promoters_minus_detractors_of_the_period_with_the_trinomial_interval()
    {
        using var s = WeightsFixture();

        var report = s.Run(["nps"]);

        Assert.Equal(["2024-Q1 ", "2024-Q2 "], report.Keys("nps"));
        // Q1: promoters 10, 9; passive 8; detractors 3, 0 → (2 − 2)/5 = 0.   Q2: 10, 9 / 7 / 2 → (2 − 1)/4 = 25.
        var q1 = report.Cell("nps", "2024-Q1");
        var q2 = report.Cell("nps", "2024-Q2");
        AssertEstimate(NpsEstimator.FromCounts(2, 1, 2), q1.Estimate);
        AssertEstimate(NpsEstimator.FromCounts(2, 1, 1), q2.Estimate);
        Assert.Equal(0, q1.Estimate.Value, Tolerance);
        Assert.Equal(25, q2.Estimate.Value, Tolerance);
        Assert.Equal(new DateOnly(2024, 4, 1), q2.Period);
        Assert.Null(q1.VsPrevious);
        AssertComparison(NpsEstimator.Compare(NpsEstimator.FromCounts(2, 1, 1), NpsEstimator.FromCounts(2, 1, 2)), q2.VsPrevious);
        Assert.Equal(25, q2.VsPrevious!.Difference.Value, Tolerance);
        Assert.All(report.Cells, c => Assert.Null(c.VsRest)); // no dimension, no "rest"
    }

    [Fact]
    public void Nps_per_group_splits_each_period_by_the_dimension()
    {
        using var s = WeightsFixture();

        var report = s.Run(["nps"], ["segment"]);

        Assert.Equal(["2024-Q1 Enterprise", "2024-Q1 SMB", "2024-Q2 Enterprise", "2024-Q2 SMB"], report.Keys("nps"));
        Assert.Equal(["segment"], report.Dimensions);
        // Q1 SMB: 10, 9, 3 → 33.3; Q1 Enterprise: 8, 0 → −50; Q2 SMB: 10, 7, 9 → 66.7; Q2 Enterprise: 2 → −100 (one category: pseudo-count variance).
        AssertEstimate(NpsEstimator.FromCounts(2, 0, 1), report.Cell("nps", "2024-Q1", "SMB").Estimate);
        AssertEstimate(NpsEstimator.FromCounts(0, 1, 1), report.Cell("nps", "2024-Q1", "Enterprise").Estimate);
        AssertEstimate(NpsEstimator.FromCounts(2, 1, 0), report.Cell("nps", "2024-Q2", "SMB").Estimate);
        var enterpriseQ2 = report.Cell("nps", "2024-Q2", "Enterprise").Estimate;
        AssertEstimate(NpsEstimator.FromCounts(0, 0, 1), enterpriseQ2);
        Assert.Equal(-100, enterpriseQ2.Value, Tolerance);
        Assert.Contains("pseudo-response", enterpriseQ2.Method, StringComparison.Ordinal);
        Assert.Equal(100 / 3.0, report.Cell("nps", "2024-Q1", "SMB").Estimate.Value, Tolerance);
    }

    [Fact]
    public void Account_weighting_counts_each_account_once_per_period()
    {
        using var s = WeightsFixture();

        var report = s.Run(["nps"], weight: MetricWeight.Account);

        // Q1 weights: A1's two promoters ½ each, A2's detractor 1, A3's passive and detractor ½ each.
        // Σw = 3, Σw² = 4·¼ + 1 = 2; promoters 1, passives ½, detractors 1½ → NPS = 100·(1 − 1.5)/3 = −16.7 (response-weighted: 0).
        var q1 = report.Cell("nps", "2024-Q1").Estimate;
        Assert.Equal(-50 / 3.0, q1.Value, Tolerance);
        AssertEstimate(NpsEstimator.FromWeightedSums(5, 3, 2, 1, 0.5, 1.5), q1);
        // Q2: A1 promoter 1; A2 passive ½ and promoter ½; A3 detractor 1 → Σw = 3, Σw² = 2.5, NPS = 100·(1.5 − 1)/3 = 16.7.
        var q2 = report.Cell("nps", "2024-Q2").Estimate;
        Assert.Equal(50 / 3.0, q2.Value, Tolerance);
        AssertEstimate(NpsEstimator.FromWeightedSums(4, 3, 2.5, 1.5, 0.5, 1), q2);
        Assert.Contains(report.Notes, n => n.StartsWith("Weights: account", StringComparison.Ordinal));

        // By segment, Q1 SMB: A1 ½ + ½ promoters, A2 1 detractor → 0.
        var smb = s.Run(["nps"], ["segment"], weight: MetricWeight.Account).Cell("nps", "2024-Q1", "SMB").Estimate;
        AssertEstimate(NpsEstimator.FromWeightedSums(3, 2, 1.5, 1, 0, 1), smb);
        Assert.Equal(0, smb.Value, Tolerance);
    }

    [Fact]
    public void Arr_weighting_weighs_each_account_by_its_arr_when_it_answered()
    {
        using var s = WeightsFixture();

        var report = s.Run(["nps"], weight: MetricWeight.Arr);

        // Q1: A1 10k split over its two promoters (5k each), A2 30k detractor, A3 100k (Y starts in Q2) split 50k passive / 50k detractor.
        // Σw = 140k, Σw² = 2·5k² + 30k² + 2·50k² = 5.95e9; NPS = 100·(10k − 80k)/140k = −50.
        var q1 = report.Cell("nps", "2024-Q1").Estimate;
        Assert.Equal(-50, q1.Value, Tolerance);
        AssertEstimate(NpsEstimator.FromWeightedSums(5, 140_000, 5.95e9, 10_000, 50_000, 80_000), q1);
        // Q2: A1 10k promoter; A2 30k split 15k passive / 15k promoter; A3 now 150k (X + Y) detractor.
        // Σw = 190k, Σw² = 10k² + 2·15k² + 150k² = 2.305e10; NPS = 100·(25k − 150k)/190k = −65.8.
        var q2 = report.Cell("nps", "2024-Q2").Estimate;
        Assert.Equal(-12_500 / 190.0, q2.Value, Tolerance);
        AssertEstimate(NpsEstimator.FromWeightedSums(4, 190_000, 2.305e10, 25_000, 15_000, 150_000), q2);
    }

    [Fact]
    public void Account_and_arr_weights_ignore_the_accounts_responses_that_lack_the_metric()
    {
        // X1 answered NPS 10 and, the next day, a CSAT-only survey; X2 answered NPS 0. Both hold 100 of ARR.
        // Each account counts once: account- and ARR-weighted NPS = (1 − 1)/2 = 0.
        using var s = new MetricsTestStore(backend)
            .Account("X1", "S", "2023-01-01").Account("X2", "S", "2023-01-01")
            .Subscription("X1", "P", "2023-01-01", null, 100).Subscription("X2", "P", "2023-01-01", null, 100)
            .Response("X1", "2024-01-10", nps: 10).Response("X1", "2024-01-11", csat: 4).Response("X2", "2024-01-12", nps: 0);

        var account = s.Run(["nps"], weight: MetricWeight.Account).Cell("nps", "2024-Q1").Estimate;
        var arr = s.Run(["nps"], weight: MetricWeight.Arr).Cell("nps", "2024-Q1").Estimate;

        Assert.True(Math.Abs(account.Value) < Tolerance && Math.Abs(arr.Value) < Tolerance,
            $"Regression (MetricsAnalysis.Aggregate): the account/ARR weight 1/COUNT(*) OVER (PARTITION BY account, period) is computed in the " +
            $"'weighted' CTE before WHERE {{metric.Observed}} filters, so X1's CSAT-only response halves the weight of its NPS answer. " +
            $"Expected account- and ARR-weighted NPS 0, got {account.Value:0.###} and {arr.Value:0.###}. " +
            "Fix: count only rows that pass the metric's filter (and the date filters), e.g. apply the filters before the window.");
    }

    [Fact]
    public void Account_weights_count_only_responses_inside_the_date_range()
    {
        // X1 answered 10 on Jan 10 and 10 on Feb 20; X2 answered 0 on Jan 15. Up to Jan 31, account-weighted NPS = (1 − 1)/2 = 0.
        using var s = new MetricsTestStore(backend)
            .Account("X1", "S", "2023-01-01").Account("X2", "S", "2023-01-01")
            .Nps("X1", "2024-01-10", 10).Nps("X1", "2024-02-20", 10).Nps("X2", "2024-01-15", 0);

        var cell = s.Run(["nps"], weight: MetricWeight.Account, to: new DateOnly(2024, 1, 31)).Cell("nps", "2024-Q1");

        Assert.Equal(2, cell.Estimate.N);
        Assert.True(Math.Abs(cell.Estimate.Value) < Tolerance,
            $"Regression (MetricsAnalysis.Aggregate): with --to inside a period, the account weight still counts the account's responses after --to " +
            $"(the window runs before the date filter), so X1's answer weighs ½. Expected 0, got {cell.Estimate.Value:0.###}.");
    }

    [Fact]
    public void From_inside_a_period_keeps_the_responses_on_or_after_it()
    {
        // Quarterly report from 2024-02-01: the Jan 10 detractor is out, the Feb 20 promoter is in → Q1 NPS 100 from 1 response.
        using var s = new MetricsTestStore(backend).Account("X1", "S", "2023-01-01").Nps("X1", "2024-01-10", 0).Nps("X1", "2024-02-20", 10);

        var report = s.Run(["nps"], from: new DateOnly(2024, 2, 1), to: new DateOnly(2024, 3, 31));

        var cells = report.Cells.Where(c => c.Metric == "nps").ToList();
        Assert.True(cells.Count == 1 && cells[0].Estimate.N == 1 && Math.Abs(cells[0].Estimate.Value - 100) < Tolerance,
            "Regression (MetricsAnalysis.Aggregate): --from filters responses on the period start (f.fact_period >= from) while --to filters on the day " +
            "(f.day <= to), so a --from inside a period drops the whole period (e.g. --from 2015-02-17 --period month keeps nothing of February). " +
            $"Expected one Q1 cell, NPS 100 from 1 response; got {cells.Count} cell(s): {string.Join("; ", cells.Select(c => $"{c.PeriodLabel} {c.Estimate}"))}.");
    }

    // ---------------------------------------------------------------- vs rest, vs previous, q-values

    /// <summary>Promoters/passives/detractors per segment and quarter (MID is absent in Q4, ENT in Q3).</summary>
    static readonly (string Quarter, string Day, string Segment, int P, int Pa, int D)[] Segments =
    [
        ("2024-Q1", "2024-02-01", "SMB", 30, 10, 10), ("2024-Q1", "2024-02-01", "MID", 20, 20, 20), ("2024-Q1", "2024-02-01", "ENT", 10, 10, 30),
        ("2024-Q2", "2024-05-01", "SMB", 20, 10, 20), ("2024-Q2", "2024-05-01", "MID", 25, 20, 15), ("2024-Q2", "2024-05-01", "ENT", 10, 20, 20),
        ("2024-Q3", "2024-08-01", "SMB", 15, 5, 5), ("2024-Q3", "2024-08-01", "MID", 10, 10, 10),
        ("2024-Q4", "2024-11-01", "SMB", 5, 5, 5), ("2024-Q4", "2024-11-01", "ENT", 12, 4, 4),
    ];

    MetricsTestStore SegmentsFixture()
    {
        var s = new MetricsTestStore(backend);
        foreach (var segment in Segments.Select(x => x.Segment).Distinct()) s.Account(segment, segment, "2023-01-01");
        foreach (var (_, day, segment, p, pa, d) in Segments) s.NpsCounts(segment, day, p, pa, d);
        // CSAT answers (separate responses) so that one report holds two metrics.
        foreach (var (segment, day, csat) in new[]
                 {
                     ("SMB", "2024-02-02", 4.0), ("SMB", "2024-02-03", 5.0), ("SMB", "2024-02-04", 4.0), ("MID", "2024-02-02", 2.0), ("MID", "2024-02-03", 3.0),
                     ("MID", "2024-02-04", 3.0), ("ENT", "2024-02-02", 1.0), ("ENT", "2024-02-03", 2.0), ("SMB", "2024-05-02", 2.0), ("SMB", "2024-05-03", 3.0),
                     ("MID", "2024-05-02", 4.0), ("MID", "2024-05-03", 5.0), ("ENT", "2024-05-02", 3.0), ("ENT", "2024-05-03", 3.5),
                 })
            s.Response(segment, day, csat: csat);
        return s;
    }

    [Fact]
    public void Vs_rest_compares_a_group_with_all_other_groups_of_the_same_period()
    {
        using var s = SegmentsFixture();

        var report = s.Run(["nps"], ["segment"]);

        Assert.Equal(Segments.Length, report.Cells.Count);
        foreach (var (quarter, _, segment, p, pa, d) in Segments)
        {
            var rest = Segments.Where(x => x.Quarter == quarter && x.Segment != segment).ToList();
            var group = NpsEstimator.FromCounts(p, pa, d);
            var complement = NpsEstimator.FromCounts(rest.Sum(x => x.P), rest.Sum(x => x.Pa), rest.Sum(x => x.D));
            var cell = report.Cell("nps", quarter, segment);
            AssertEstimate(group, cell.Estimate);
            AssertComparison(NpsEstimator.Compare(group, complement), cell.VsRest);
            Assert.Equal(cell.Estimate.Value - complement.Value, cell.VsRest!.Difference.Value, Tolerance);
        }
        // Q1 SMB by hand: 40 vs MID + ENT = (30 − 50)/110 = −18.2 → difference 58.2.
        Assert.Equal(40 + 2000 / 110.0, report.Cell("nps", "2024-Q1", "SMB").VsRest!.Difference.Value, Tolerance);
        Assert.True(report.Cell("nps", "2024-Q1", "SMB").VsRest!.IsSignificant());
    }

    [Fact]
    public void Vs_previous_compares_a_group_with_its_own_previous_period()
    {
        using var s = SegmentsFixture();

        var report = s.Run(["nps"], ["segment"]);

        Estimate Counts(string quarter, string segment)
        {
            var x = Segments.Single(r => r.Quarter == quarter && r.Segment == segment);
            return NpsEstimator.FromCounts(x.P, x.Pa, x.D);
        }
        // SMB Q2 − Q1 = 0 − 40 = −40; MID Q3 − Q2 = 0 − 16.7.
        var smb = report.Cell("nps", "2024-Q2", "SMB").VsPrevious;
        AssertComparison(NpsEstimator.Compare(Counts("2024-Q2", "SMB"), Counts("2024-Q1", "SMB")), smb);
        Assert.Equal(-40, smb!.Difference.Value, Tolerance);
        AssertComparison(NpsEstimator.Compare(Counts("2024-Q3", "MID"), Counts("2024-Q2", "MID")), report.Cell("nps", "2024-Q3", "MID").VsPrevious);
        AssertComparison(NpsEstimator.Compare(Counts("2024-Q4", "SMB"), Counts("2024-Q3", "SMB")), report.Cell("nps", "2024-Q4", "SMB").VsPrevious);
        // The first period has no previous; ENT had no responses in Q3, so its Q4 has nothing to compare with (not Q2).
        Assert.All(report.Cells.Where(c => c.PeriodLabel == "2024-Q1"), c => Assert.Null(c.VsPrevious));
        Assert.Null(report.Cell("nps", "2024-Q4", "ENT").VsPrevious);
        Assert.Null(report.Cell("nps", "2024-Q4", "ENT").QVsPrevious);
    }

    [Fact]
    public void Q_values_are_benjamini_hochberg_over_every_comparison_in_the_report()
    {
        using var s = SegmentsFixture();

        var report = s.Run(["nps", "csat"], ["segment"]);

        var tests = report.Cells.SelectMany(c => new[] { (c.VsPrevious, c.QVsPrevious), (c.VsRest, c.QVsRest) })
            .Where(t => t.Item1 is { PValue: var p } && !double.IsNaN(p)).ToList();
        Assert.Contains(report.Cells, c => c.Metric == "csat" && c.VsRest is not null);
        var expected = BenjaminiHochberg(tests.Select(t => t.Item1!.PValue).ToList());
        Assert.True(tests.Count > 20, $"expected the report to hold both metrics' tests, got {tests.Count}");
        for (var i = 0; i < tests.Count; i++)
        {
            Assert.NotNull(tests[i].Item2);
            Assert.Equal(expected[i], tests[i].Item2!.Value, 12);
            Assert.True(tests[i].Item2 >= tests[i].Item1!.PValue);
        }
        // Report-wide, not per metric: the NPS q-values differ from BH over the NPS tests alone.
        var npsOnly = s.Run(["nps"], ["segment"]);
        Assert.NotEqual(npsOnly.Cell("nps", "2024-Q1", "SMB").QVsRest, report.Cell("nps", "2024-Q1", "SMB").QVsRest);
    }

    /// <summary>Textbook step-up BH: sort ascending, q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎/j, capped at 1.</summary>
    static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        var q = new double[p.Count];
        var running = 1.0;
        for (var rank = p.Count; rank >= 1; rank--)
        {
            running = Math.Min(running, p[order[rank - 1]] * p.Count / rank);
            q[order[rank - 1]] = running;
        }
        return q;
    }

    // ---------------------------------------------------------------- share metric

    [Fact]
    public void Share_metric_is_the_share_of_responses_with_the_attribute_value_among_responses_with_the_attribute()
    {
        using var s = new MetricsTestStore(backend).Account("G1", "A", "2023-01-01").Account("G2", "B", "2023-01-01");
        foreach (var sentiment in new[] { "negative", "negative", "negative", "positive" })
            s.Response("G1", "2024-02-01", attributes: $$"""{"sentiment":"{{sentiment}}"}""");
        s.Response("G2", "2024-02-01", attributes: """{"sentiment":"neutral"}""").Response("G2", "2024-02-02", attributes: """{"sentiment":"negative"}""");
        // Not counted: no attributes, or no sentiment attribute.
        s.Response("G1", "2024-02-03", nps: 5).Response("G1", "2024-02-04", csat: 3).Response("G2", "2024-02-05", attributes: """{"other":"x"}""");

        const string metric = "share:rattr:sentiment=negative";
        var total = s.Run([metric]).Cell(metric, "2024-Q1");
        var bySegment = s.Run([metric], ["segment"]);

        // 4 negative of the 6 responses with a sentiment; A: 3 of 4, B: 1 of 2.
        AssertEstimate(ProportionEstimator.Wilson(4, 6), total.Estimate);
        AssertEstimate(ProportionEstimator.Wilson(3, 4), bySegment.Cell(metric, "2024-Q1", "A").Estimate);
        AssertEstimate(ProportionEstimator.Wilson(1, 2), bySegment.Cell(metric, "2024-Q1", "B").Estimate);
        AssertComparison(ProportionEstimator.Difference(3, 4, 1, 2), bySegment.Cell(metric, "2024-Q1", "A").VsRest);
        Assert.Equal(0.25, bySegment.Cell(metric, "2024-Q1", "A").VsRest!.Difference.Value, Tolerance);
    }

    // ---------------------------------------------------------------- service metrics

    /// <summary>
    /// B1, B2 (segment S1) and B3 (S2) hold a subscription all year; B4 (S2) holds none, so its ticket is outside the
    /// account-period facts. Tickets (handle minutes, contacts, reopened):
    /// Q1 — B1: 30/1/no, 60/2/no, 90/1/yes; B3: 20/1/null, null/1/no; B4: 10/1/no.   Q2 — B2: 45/3/yes.
    /// </summary>
    MetricsTestStore ServiceFixture()
    {
        var s = new MetricsTestStore(backend)
            .Account("B1", "S1", "2023-01-01").Account("B2", "S1", "2023-01-01").Account("B3", "S2", "2023-01-01").Account("B4", "S2", "2023-01-01")
            .Subscription("B1", "X", "2023-01-01", null, 1_000).Subscription("B2", "X", "2023-01-01", null, 1_000).Subscription("B3", "X", "2023-01-01", null, 1_000);
        s.Ticket("B1", "2024-01-10 09:00", 30, 1, false).Ticket("B1", "2024-02-10 09:00", 60, 2, false).Ticket("B1", "2024-03-10 09:00", 90, 1, true);
        s.Ticket("B3", "2024-01-20 09:00", 20, 1, null).Ticket("B3", "2024-02-20 09:00", null, 1, false);
        s.Ticket("B4", "2024-01-05 09:00", 10, 1, false);
        s.Ticket("B2", "2024-05-10 09:00", 45, 3, true);
        return s;
    }

    static readonly string[] ServiceMetrics = ["contacts_per_account", "handle_minutes", "first_contact_resolution", "reopen_rate", "cost_to_serve"];

    [Fact]
    public void Service_metrics_give_the_hand_computed_values_per_account_and_ticket()
    {
        using var s = ServiceFixture();
        s.Assumption("cost_per_agent_hour", 60).Assumption("other_cost_per_ticket", 5);

        var report = s.Run(ServiceMetrics);

        // Contacts per account: Q1 B1 3, B2 0, B3 2 (B4 holds no subscription: not counted); Q2 0, 1, 0.
        AssertEstimate(MeanEstimator.Mean([3, 0, 2]), report.Cell("contacts_per_account", "2024-Q1").Estimate);
        Assert.Equal(5 / 3.0, report.Cell("contacts_per_account", "2024-Q1").Estimate.Value, Tolerance);
        AssertEstimate(MeanEstimator.Mean([0, 1, 0]), report.Cell("contacts_per_account", "2024-Q2").Estimate);
        // Handle minutes per ticket with a handle time: Q1 30, 60, 90, 20 → 50 (s² = 1000), n = 4 tickets; Q2 45 alone (no interval).
        var handle = report.Cell("handle_minutes", "2024-Q1").Estimate;
        AssertEstimate(MeanEstimator.Mean([30, 60, 90, 20]), handle);
        Assert.Equal((50.0, 4L), (handle.Value, handle.N));
        Assert.Equal(Math.Sqrt(1000 / 4.0), handle.StandardError!.Value, Tolerance);
        Assert.Equal((45.0, 1L), (report.Cell("handle_minutes", "2024-Q2").Estimate.Value, report.Cell("handle_minutes", "2024-Q2").Estimate.N));
        // First-contact resolution: Q1 one contact and not reopened = tickets 1, 4 (reopened unknown counts as not), 5 → 3 of 5; Q2 0 of 1.
        AssertEstimate(ProportionEstimator.Wilson(3, 5), report.Cell("first_contact_resolution", "2024-Q1").Estimate);
        AssertEstimate(ProportionEstimator.Wilson(0, 1), report.Cell("first_contact_resolution", "2024-Q2").Estimate);
        // Reopen rate: Q1 1 of 5; Q2 1 of 1.
        AssertEstimate(ProportionEstimator.Wilson(1, 5), report.Cell("reopen_rate", "2024-Q1").Estimate);
        AssertEstimate(ProportionEstimator.Wilson(1, 1), report.Cell("reopen_rate", "2024-Q2").Estimate);
        // Cost to serve at 60/agent hour + 5/ticket: Q1 B1 180 min → 180 + 3·5 = 195, B2 0, B3 20 min → 20 + 2·5 = 30 (mean 75);
        // Q2 B2 45 min → 45 + 5 = 50.
        AssertEstimate(MeanEstimator.Mean([195, 0, 30]), report.Cell("cost_to_serve", "2024-Q1").Estimate);
        Assert.Equal(75, report.Cell("cost_to_serve", "2024-Q1").Estimate.Value, Tolerance);
        AssertEstimate(MeanEstimator.Mean([0, 50, 0]), report.Cell("cost_to_serve", "2024-Q2").Estimate);
        Assert.Contains(report.Notes, n => n.Contains("cost_per_agent_hour = 60 and other_cost_per_ticket = 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Cost_to_serve_uses_the_default_assumptions_until_finance_changes_them()
    {
        using var s = ServiceFixture();

        var before = s.Run(["cost_to_serve"]).Cell("cost_to_serve", "2024-Q1").Estimate;
        s.Assumption("cost_per_agent_hour", 90).Assumption("other_cost_per_ticket", 0);
        var after = s.Run(["cost_to_serve"]).Cell("cost_to_serve", "2024-Q1").Estimate;

        // Defaults 45/hour + 4/ticket: B1 3 h·45 + 3·4 = 147, B2 0, B3 ⅓ h·45 + 2·4 = 23. At 90/hour and 0/ticket: 270, 0, 30.
        AssertEstimate(MeanEstimator.Mean([147, 0, 23]), before);
        AssertEstimate(MeanEstimator.Mean([270, 0, 30]), after);
    }

    [Fact]
    public void Service_metrics_by_group_compare_the_group_with_the_rest()
    {
        using var s = ServiceFixture();

        var report = s.Run(ServiceMetrics, ["segment"]);

        // FCR Q1: S1 (B1) 1 of 3, S2 (B3) 2 of 2. Contacts Q1: S1 3, 0; S2 2 (one account: no t-test).
        AssertEstimate(ProportionEstimator.Wilson(1, 3), report.Cell("first_contact_resolution", "2024-Q1", "S1").Estimate);
        AssertEstimate(ProportionEstimator.Wilson(2, 2), report.Cell("first_contact_resolution", "2024-Q1", "S2").Estimate);
        AssertComparison(ProportionEstimator.Difference(1, 3, 2, 2), report.Cell("first_contact_resolution", "2024-Q1", "S1").VsRest);
        AssertEstimate(MeanEstimator.Mean([3, 0]), report.Cell("contacts_per_account", "2024-Q1", "S1").Estimate);
        Assert.True(double.IsNaN(report.Cell("contacts_per_account", "2024-Q1", "S1").VsRest!.PValue));
        // Handle minutes Q1: S1 30, 60, 90 vs S2 20 (one ticket: no t-test); S1 Q2 45 vs Q1: one ticket, no test.
        AssertEstimate(MeanEstimator.Mean([30, 60, 90]), report.Cell("handle_minutes", "2024-Q1", "S1").Estimate);
        // Reopen rate Q2 S1 (B2) 1 of 1 vs Q1 S1 1 of 3.
        AssertComparison(ProportionEstimator.Difference(1, 1, 1, 3), report.Cell("reopen_rate", "2024-Q2", "S1").VsPrevious);
    }

    // ---------------------------------------------------------------- dimensions

    /// <summary>
    /// C1 (created 2023-03-15, attributes tier gold and "Plan Type" Pro plan) holds P1 from 2023-03-15 (8k, manager M1),
    /// P2 2024-06-01..2024-12-31 (60k, M2) and P3 from 2024-09-01 (300k, M2). C2 has no creation date, attributes or
    /// subscriptions; C3 (created 2024-01-01, tier silver) has no subscription. Each response's CSAT identifies it.
    /// </summary>
    MetricsTestStore DimensionsFixture() =>
        new MetricsTestStore(backend)
            .Account("C1", "X", "2023-03-15", """{"tier":"gold","Plan Type":"Pro plan"}""")
            .Account("C2", "X")
            .Account("C3", "X", "2024-01-01", """{"tier":"silver"}""")
            .Subscription("C1", "P1", "2023-03-15", null, 8_000, "M1")
            .Subscription("C1", "P2", "2024-06-01", "2024-12-31", 60_000, "M2")
            .Subscription("C1", "P3", "2024-09-01", null, 300_000, "M2")
            .Response("C1", "2023-06-10", csat: 1)  // P1; 8k; 3 months
            .Response("C1", "2024-07-01", csat: 2)  // P1 + P2; 68k; 16 months
            .Response("C1", "2024-10-01", csat: 3)  // P1 + P2 + P3; 368k; 19 months
            .Response("C1", "2025-02-01", csat: 4)  // P1 + P3 (P2 ended); 308k; 23 months
            .Response("C1", "2028-04-01", csat: 5)  // P1 + P3; 308k; 61 months
            .Response("C2", "2024-03-01", csat: 2.5) // nothing held, tenure unknown
            .Response("C3", "2024-03-01", csat: 3.5); // nothing held, 2 months

    static string[] Groups(MetricsReport report) =>
        report.Cells.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.PeriodLabel} {string.Join("/", c.Group)}: {c.Estimate.Value:0.###} n={c.Estimate.N}")).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Account_state_dimensions_are_taken_when_the_customer_answered()
    {
        using var s = DimensionsFixture();

        string[] Run(string dimension) => Groups(s.Run(["csat"], [dimension], PeriodUnit.Year));

        Assert.Equal(["2023 1: 1 n=1", "2024 0: 3 n=2", "2024 2: 2 n=1", "2024 3+: 3 n=1", "2025 2: 4 n=1", "2028 2: 5 n=1"], Run("product_count"));
        Assert.Equal(["2023 P1: 1 n=1", "2024 (none): 3 n=2", "2024 P1 + P2 + P3: 3 n=1", "2024 P1 + P2: 2 n=1", "2025 P1 + P3: 4 n=1", "2028 P1 + P3: 5 n=1"],
            Run("products"));
        Assert.Equal(["2023 1: 1 n=1", "2024 0: 3 n=2", "2024 2: 2.5 n=2", "2025 2: 4 n=1", "2028 2: 5 n=1"], Run("account_managers"));
        Assert.Equal(["2023 0-6 months: 1 n=1", "2024 (unknown): 2.5 n=1", "2024 0-6 months: 3.5 n=1", "2024 1-2 years: 2.5 n=2", "2025 1-2 years: 4 n=1",
            "2028 5+ years: 5 n=1"], Run("tenure_band"));
        Assert.Equal(["2023 <10k: 1 n=1", "2024 (no ARR): 3 n=2", "2024 250k-1M: 3 n=1", "2024 50k-250k: 2 n=1", "2025 250k-1M: 4 n=1", "2028 250k-1M: 5 n=1"],
            Run("arr_band"));
    }

    [Fact]
    public void Attr_dimension_splits_by_an_account_attribute_from_the_attributes_json()
    {
        using var s = DimensionsFixture();

        var tier = Groups(s.Run(["csat"], ["attr:tier"], PeriodUnit.Year));
        var plan = Groups(s.Run(["csat"], ["attr:Plan Type"], PeriodUnit.Year));
        var both = Groups(s.Run(["csat"], ["attr:tier", "product_count"], PeriodUnit.Year));

        Assert.Equal(["2023 gold: 1 n=1", "2024 (none): 2.5 n=1", "2024 gold: 2.5 n=2", "2024 silver: 3.5 n=1", "2025 gold: 4 n=1", "2028 gold: 5 n=1"], tier);
        Assert.Equal(["2023 Pro plan: 1 n=1", "2024 (none): 3 n=2", "2024 Pro plan: 2.5 n=2", "2025 Pro plan: 4 n=1", "2028 Pro plan: 5 n=1"], plan);
        Assert.Contains("2024 gold/3+: 3 n=1", both);
        Assert.Contains("2024 silver/0: 3.5 n=1", both);
    }

    [Fact]
    public void Account_dimension_gives_the_account_name_else_its_id()
    {
        using var s = new MetricsTestStore(backend)
            .Account("acc-1", "S", "2023-01-01", name: "Acme").Account("acc-2", "S", "2023-01-01", name: null)
            .Nps("acc-1", "2024-02-01", 10, 10, 0).Nps("acc-2", "2024-02-01", 8, 0);

        var report = s.Run(["nps"], ["account"]);

        Assert.Equal(["2024-Q1 Acme", "2024-Q1 acc-2"], report.Keys("nps"));
        AssertEstimate(NpsEstimator.FromCounts(2, 0, 1), report.Cell("nps", "2024-Q1", "Acme").Estimate);
        AssertComparison(NpsEstimator.Compare(NpsEstimator.FromCounts(2, 0, 1), NpsEstimator.FromCounts(0, 1, 1)), report.Cell("nps", "2024-Q1", "Acme").VsRest);
    }

    [Fact]
    public void Accounts_that_share_a_name_stay_apart_labelled_with_their_ids()
    {
        using var s = new MetricsTestStore(backend)
            .Account("acc-1", "S", "2023-01-01", name: "Acme").Account("acc-2", "S", "2023-01-01", name: "Acme").Account("acc-3", "S", "2023-01-01", name: "Zed")
            .Nps("acc-1", "2024-02-01", 10).Nps("acc-2", "2024-02-01", 0).Nps("acc-3", "2024-02-01", 9);

        var report = s.Run(["nps"], ["account"]);

        Assert.Equal(["2024-Q1 Acme (acc-1)", "2024-Q1 Acme (acc-2)", "2024-Q1 Zed"], report.Keys("nps"));
        Assert.Equal(100, report.Cell("nps", "2024-Q1", "Acme (acc-1)").Estimate.Value);
        Assert.Equal(-100, report.Cell("nps", "2024-Q1", "Acme (acc-2)").Estimate.Value);
    }

    [Fact]
    public void Week_periods_start_on_monday_and_carry_iso_week_labels()
    {
        // Sun 2024-12-29 is in ISO week 2024-W52 (from Mon 12-23); Mon 12-30 and Wed 2025-01-01 are in 2025-W01; Mon 01-06 starts 2025-W02.
        using var s = new MetricsTestStore(backend).Account("A", "S", "2023-01-01")
            .Nps("A", "2024-12-29", 0).Nps("A", "2024-12-30", 10).Nps("A", "2025-01-01 23:59", 9).Nps("A", "2025-01-06", 7);

        var report = s.Run(["nps"], period: PeriodUnits.Parse("week"));

        Assert.Equal(["2024-W52 ", "2025-W01 ", "2025-W02 "], report.Keys("nps"));
        Assert.Equal([new DateOnly(2024, 12, 23), new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 6)], report.Cells.Select(c => c.Period));
        AssertEstimate(NpsEstimator.FromCounts(2, 0, 0), report.Cell("nps", "2025-W01").Estimate);
        AssertComparison(NpsEstimator.Compare(NpsEstimator.FromCounts(2, 0, 0), NpsEstimator.FromCounts(0, 0, 1)), report.Cell("nps", "2025-W01").VsPrevious);
    }

    [Fact]
    public void Unknown_dimension_or_metric_is_an_argument_error_that_lists_the_choices()
    {
        using var s = WeightsFixture();

        var dimension = Assert.Throws<ArgumentException>(() => s.Run(["nps"], ["colour"]));
        Assert.Contains("Unknown dimension 'colour'", dimension.Message, StringComparison.Ordinal);
        Assert.Contains("segment", dimension.Message, StringComparison.Ordinal);
        Assert.Contains("tenure_band", dimension.Message, StringComparison.Ordinal);
        Assert.Contains("attr:NAME", dimension.Message, StringComparison.Ordinal);

        var metric = Assert.Throws<ArgumentException>(() => s.Run(["happiness"]));
        Assert.Contains("Unknown metric 'happiness'", metric.Message, StringComparison.Ordinal);
        Assert.Contains("nps", metric.Message, StringComparison.Ordinal);
        Assert.Contains("cost_to_serve", metric.Message, StringComparison.Ordinal);
        Assert.Contains("share:DIMENSION=VALUE", metric.Message, StringComparison.Ordinal);

        Assert.Contains("Unknown metric 'share:segment'", Assert.Throws<ArgumentException>(() => s.Run(["share:segment"])).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown dimension 'colour'", Assert.Throws<ArgumentException>(() => s.Run(["share:colour=red"])).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown dimension 'attr:'", Assert.Throws<ArgumentException>(() => s.Run(["nps"], ["attr:"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_metrics_named_gives_every_built_in_metric_that_has_data()
    {
        using var s = WeightsFixture();

        var metrics = s.Run([]).Cells.Select(c => c.Metric).Distinct().ToList();

        Assert.Contains("nps", metrics);
        Assert.DoesNotContain("csat", metrics);
        Assert.DoesNotContain("ces", metrics);
        Assert.DoesNotContain("handle_minutes", metrics);
    }

    // ---------------------------------------------------------------- helpers

    internal static void AssertEstimate(Estimate expected, Estimate actual, double tolerance = Tolerance)
    {
        Assert.Equal(expected.N, actual.N);
        AssertClose(expected.Value, actual.Value, tolerance, "value");
        AssertClose(expected.Lower, actual.Lower, tolerance, "lower bound");
        AssertClose(expected.Upper, actual.Upper, tolerance, "upper bound");
        if (expected.StandardError is { } se) AssertClose(se, actual.StandardError ?? double.NaN, tolerance, "standard error");
    }

    internal static void AssertComparison(Comparison expected, Comparison? actual, double tolerance = Tolerance)
    {
        Assert.NotNull(actual);
        AssertEstimate(expected.Difference, actual.Difference, tolerance);
        AssertClose(expected.Statistic, actual.Statistic, tolerance, "statistic");
        AssertClose(expected.PValue, actual.PValue, tolerance, "p-value");
    }

    static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{what}: expected {expected:R}, got {actual:R}");
    }
}

/// <summary>The same hand-computed figures on each store backend.</summary>
public sealed class MetricsAnalysisTestsOnDuckDb() : MetricsAnalysisTests(StoreBackend.DuckDb);

public sealed class MetricsAnalysisTestsOnPostgreSql() : MetricsAnalysisTests(StoreBackend.PostgreSql);
