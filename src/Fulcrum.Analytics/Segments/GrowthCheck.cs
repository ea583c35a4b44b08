using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Segments;

/// <summary>A labelled, inclusive date range.</summary>
public sealed record PeriodRange(string Label, DateOnly From, DateOnly To);

/// <param name="By">The decomposition's dimension; null picks it (<see cref="GrowthCheck.AutomaticDimension"/>).</param>
public sealed record GrowthCheckOptions(
    string Metric = "nps",
    string? By = null,
    PeriodRange? Before = null,
    PeriodRange? After = null,
    IReadOnlyList<string>? ScanDimensions = null,
    bool ScanPairs = true,
    int MinN = 50,
    double Fdr = GroupFalls.DefaultFdr);

/// <summary>One group's part in the change: its share of responses and metric in both periods, and what it contributed.</summary>
/// <param name="QValue">The change's Benjamini–Hochberg q across the decomposition's groups with a test (as the scan's q);
/// null for a group present in one period only (no change to test).</param>
public sealed record GroupContribution(string Group, double ShareBefore, double ShareAfter, Estimate Before, Estimate After, Comparison Change,
    double MixContribution, double RateContribution, double ArrNow, double? QValue = null)
{
    /// <summary>A fall that survives the false-discovery-rate control at <paramref name="fdr"/> (the scan's rule, not the unadjusted p).</summary>
    public bool FellAt(double fdr) => GroupFalls.Fell(Change, QValue, fdr);
}

/// <summary>
/// Kitagawa–Oaxaca decomposition of the change in a metric: Δ = Σ(s₂−s₁)(m₁+m₂)/2 (mix: the base changed) + Σ(m₂−m₁)(s₁+s₂)/2
/// (rate: change within groups). The rate effect's interval treats the shares as fixed; the mix effect's is the
/// difference of the total and rate intervals' variances added (conservative).
/// </summary>
public sealed record Decomposition(string Dimension, Estimate TotalChange, Estimate MixEffect, Estimate RateEffect, IReadOnlyList<GroupContribution> Groups);

/// <summary>A segment whose change differs from the rest's, significant after FDR control.</summary>
public sealed record ScanFinding(IReadOnlyList<SegmentCondition> Segment, Estimate Before, Estimate After, Comparison Change,
    Estimate DifferenceVsRest, double PValue, double QValue, double ArrExposed, string Statement);

public sealed record GrowthCheckReport(
    string Metric, PeriodRange Before, PeriodRange After, Estimate TotalBefore, Estimate TotalAfter, Comparison TotalChange,
    Decomposition Decomposition, IReadOnlyList<ScanFinding> Findings, int SegmentsTested, double Fdr, int MinN, IReadOnlyList<string> Statements)
{
    /// <summary>Why this survey metric, when none was asked for (e.g. "CSAT (7,043 answers; NPS has only 2, under half as many)"); else null.</summary>
    public string? MetricChoice { get; init; }
}

/// <summary>
/// "Trouble hidden under growth": splits the change of a metric between two periods into mix and rate effects, then
/// scans every dimension value and pair of values for a change that differs from the rest of the customers
/// (difference-in-differences z-test with cluster-robust, account-level standard errors), with Benjamini–Hochberg
/// false-discovery-rate control and a minimum n,
/// ranked by the ARR exposed. Findings are stated in plain words.
/// </summary>
public static class GrowthCheck
{
    public static GrowthCheckReport Run(AnalysisFacts facts, GrowthCheckOptions options)
    {
        var metric = MetricDefinition.Resolve(options.Metric);
        if (metric.Source != MetricSource.Responses)
            throw new ArgumentException($"'{metric.Name}' is a ticket metric; segment analyses work on survey metrics (nps, csat, ces, share:...).");
        var (before, after) = (options.Before, options.After) is ({ } b, { } a) ? (b, a) : DefaultPeriods(facts, metric);
        if (before.To >= after.From) throw new ArgumentException($"The periods overlap: {before.Label} ends {before.To:yyyy-MM-dd}, {after.Label} starts {after.From:yyyy-MM-dd}.");
        var scanNames = (options.ScanDimensions ?? DrillDown.DefaultDimensions).ToList();
        if (options.By is { } chosen && !scanNames.Contains(chosen, StringComparer.OrdinalIgnoreCase)) scanNames.Insert(0, chosen);
        var dimensions = scanNames.Select(Dimension.Resolve).ToList();
        var cube = SegmentCube.Build(facts, metric, dimensions, [(before.Label, before.From, before.To), (after.Label, after.From, after.To)]);
        var kind = metric.Kind;

        var totalBefore = cube.Sum([], before.Label);
        var totalAfter = cube.Sum([], after.Label);
        var estimateBefore = ClusteredEstimator.Estimate(kind, totalBefore.Stats, totalBefore.Cluster);
        var estimateAfter = ClusteredEstimator.Estimate(kind, totalAfter.Stats, totalAfter.Cluster);
        // A period without an estimate has nothing to compare: the whole check is absent with the reason, never NaN.
        foreach (var (period, estimate) in new[] { (before, estimateBefore), (after, estimateAfter) })
            if (!estimate.IsDefined) throw EmptyPeriod(facts, metric, period, estimate.N);
        var totalChange = ClusteredEstimator.Compare(estimateAfter, estimateBefore);
        var byIndex = options.By is { } by ? dimensions.FindIndex(d => d.Name.Equals(by, StringComparison.OrdinalIgnoreCase)) : AutomaticDimension(cube);
        var decomposition = Decompose(cube, kind, byIndex, before.Label, after.Label, totalBefore.Stats, totalAfter.Stats, totalChange);

        var tests = Scan(cube, kind, before.Label, after.Label, totalBefore, totalAfter, options);
        var q = MultipleTesting.BenjaminiHochberg(tests.Select(t => t.P).ToList());
        var unit = metric.Kind == MetricKind.Nps ? " points" : "";
        var findings = tests.Select((t, i) => (Test: t, Q: q[i]))
            .Where(x => x.Q <= options.Fdr)
            .Select(x => new ScanFinding(x.Test.Segment, x.Test.Before, x.Test.After, x.Test.Change, x.Test.VsRest, x.Test.P, x.Q, x.Test.Arr,
                Statement(metric, x.Test, x.Q, before.Label, after.Label, unit, withArr: totalAfter.Arr > 0)))
            .OrderByDescending(f => f.DifferenceVsRest.Value < 0)
            .ThenByDescending(f => f.ArrExposed)
            .ToList();

        var statements = Statements(metric, before, after, estimateBefore, estimateAfter, totalChange, decomposition, findings, unit, options.Fdr);
        return new GrowthCheckReport(metric.Name, before, after, estimateBefore, estimateAfter, totalChange, decomposition, findings,
            tests.Count, options.Fdr, options.MinN, statements);
    }

    /// <summary>
    /// First and last full years of the metric's answers when there are two or more; otherwise the first and second half.
    /// Answers on a single date cannot be split into two periods: that is refused with the date, never an inverted period.
    /// </summary>
    /// <exception cref="MissingDataException">No answers of the metric, or all of them on one date.</exception>
    public static (PeriodRange Before, PeriodRange After) DefaultPeriods(AnalysisFacts facts, MetricDefinition? metric = null)
    {
        metric ??= MetricDefinition.Resolve("nps");
        var name = metric.Name.ToUpperInvariant();
        if (AnswerDates(facts, metric) is not var (from, to))
            throw new MissingDataException($"No {name} answers on record, so there is no {name} to compare between periods.",
                [$"survey responses with {name} answers: fulcrum import responses FILE"]);
        if (from == to)
            throw new MissingDataException($"growth-check needs {name} answers in two periods; all {name} answers fall on {from:yyyy-MM-dd}.",
                ["survey responses from other dates (a later or earlier survey wave): fulcrum import responses FILE"]);
        if (to.Year - from.Year >= 1 && to.DayNumber - from.DayNumber >= 2 * 365 - 31)
        {
            var firstYear = new DateOnly(from.Year, 1, 1);
            var lastYear = new DateOnly(to.Year, 1, 1);
            return (new PeriodRange(firstYear.Year.ToString(CultureInfo.InvariantCulture), from, firstYear.AddYears(1).AddDays(-1)),
                    new PeriodRange(lastYear.Year.ToString(CultureInfo.InvariantCulture), lastYear, to));
        }
        var middle = from.AddDays((to.DayNumber - from.DayNumber) / 2);
        return (new PeriodRange("first half", from, middle), new PeriodRange("second half", middle.AddDays(1), to));
    }

    /// <summary>The first and last date with an answer of the metric; null when there is none.</summary>
    static (DateOnly From, DateOnly To)? AnswerDates(AnalysisFacts facts, MetricDefinition metric)
    {
        var (first, last) = facts.Store.Query<(DateTime? First, DateTime? Last)>(
            $"SELECT CAST(MIN(f.day) AS TIMESTAMP), CAST(MAX(f.day) AS TIMESTAMP) FROM {facts.Responses()} f WHERE {metric.Observed}").Single();
        return first is { } f && last is { } l ? (DateOnly.FromDateTime(f), DateOnly.FromDateTime(l)) : null;
    }

    /// <summary>The refusal for a period that holds no answers (or too few for an estimate), naming where the answers are.</summary>
    static MissingDataException EmptyPeriod(AnalysisFacts facts, MetricDefinition metric, PeriodRange period, long n)
    {
        var name = metric.Name.ToUpperInvariant();
        var inPeriod = n == 0 ? $"there are none in {period.Label}" : $"{period.Label} has {n:N0}, too few for an estimate";
        var onRecord = AnswerDates(facts, metric) switch
        {
            null => $"no {name} answers are on record",
            var (from, to) when from == to => $"all {name} answers fall on {from:yyyy-MM-dd}",
            var (from, to) => $"the {name} answers run from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
        };
        return new MissingDataException(string.Create(CultureInfo.InvariantCulture,
                $"growth-check needs {name} answers in both periods; {inPeriod} ({period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}), and {onRecord}."),
            [$"survey responses with {name} answers in both periods: fulcrum import responses FILE"]);
    }

    /// <summary>
    /// Without --by: the first dimension (segment, then region, industry, …) whose answers fall in two or more groups. A
    /// company that records no segment (a shop with regions only) would otherwise get a "decomposition" into one group, "(none)",
    /// whose mix effect is zero by construction. When no dimension has two groups, the first is kept (its one group is the total).
    /// </summary>
    static int AutomaticDimension(SegmentCube cube)
    {
        for (var d = 0; d < cube.Dimensions.Count; d++)
            if (cube.Cells.Select(c => c.Values[d]).Distinct().Skip(1).Any()) return d;
        return 0;
    }

    static Decomposition Decompose(SegmentCube cube, MetricKind kind, int dimension, string before, string after,
        SufficientStats totalBefore, SufficientStats totalAfter, Comparison totalChange)
    {
        var groups = cube.Cells.Select(c => c.Values[dimension]).Distinct().Order(StringComparer.Ordinal).ToList();
        var contributions = new List<GroupContribution>();
        double rateVariance = 0;
        foreach (var group in groups)
        {
            var (b, bc, _) = cube.Sum([(dimension, group)], before);
            var (a, ac, arr) = cube.Sum([(dimension, group)], after);
            var (s1, s2) = (b.W / totalBefore.W, a.W / totalAfter.W);
            var (e1, e2) = (ClusteredEstimator.Estimate(kind, b, bc), ClusteredEstimator.Estimate(kind, a, ac));
            var (m1, m2) = (e1.IsDefined ? e1.Value : 0, e2.IsDefined ? e2.Value : 0);
            var mix = (s2 - s1) * (m1 + m2) / 2;
            // A group present in one period only changes the mix, not a rate.
            var rate = e1.IsDefined && e2.IsDefined ? (m2 - m1) * (s1 + s2) / 2 : 0;
            if (!e1.IsDefined) mix = s2 * m2;
            if (!e2.IsDefined) mix = -s1 * m1;
            var change = ClusteredEstimator.Compare(e2, e1);
            if (e1.IsDefined && e2.IsDefined)
                rateVariance += Math.Pow((s1 + s2) / 2, 2) * (Math.Pow(e1.StandardError ?? 0, 2) + Math.Pow(e2.StandardError ?? 0, 2));
            contributions.Add(new GroupContribution(group, s1, s2, e1, e2, change, mix, rate, arr));
        }
        // One test per group with a change, controlled as the scan's segments are (GroupFalls).
        var q = GroupFalls.QValues(contributions.Select(c => c.Change).ToList());
        contributions = contributions.Select((c, i) => c with { QValue = q[i] }).ToList();
        const double z = ClusteredEstimator.Z;
        var total = totalChange.Difference;
        var rateEffect = contributions.Sum(c => c.RateContribution);
        var rateSe = Math.Sqrt(rateVariance);
        var mixEffect = total.Value - rateEffect;
        var mixSe = Math.Sqrt(Math.Pow(total.StandardError ?? 0, 2) + rateVariance);
        return new Decomposition(cube.Dimensions[dimension].Name, total,
            new Estimate(mixEffect, mixEffect - z * mixSe, mixEffect + z * mixSe, total.N, "Mix effect (Kitagawa), normal interval from total and rate variances") { StandardError = mixSe },
            new Estimate(rateEffect, rateEffect - z * rateSe, rateEffect + z * rateSe, total.N, "Rate effect (Kitagawa), shares held fixed, normal interval") { StandardError = rateSe },
            contributions);
    }

    sealed record Test(IReadOnlyList<SegmentCondition> Segment, Estimate Before, Estimate After, Comparison Change, Estimate VsRest, double P, double Arr);

    static List<Test> Scan(SegmentCube cube, MetricKind kind, string before, string after,
        (SufficientStats Stats, ClusterStats Cluster, double Arr) totalBefore, (SufficientStats Stats, ClusterStats Cluster, double Arr) totalAfter, GrowthCheckOptions options)
    {
        var segments = new List<(int Dimension, string Value)[]>();
        for (var d = 0; d < cube.Dimensions.Count; d++)
            segments.AddRange(cube.Cells.Select(c => c.Values[d]).Distinct().Select(v => new[] { (d, v) }));
        if (options.ScanPairs)
            for (var d1 = 0; d1 < cube.Dimensions.Count; d1++)
                for (var d2 = d1 + 1; d2 < cube.Dimensions.Count; d2++)
                    segments.AddRange(cube.Cells.Select(c => (c.Values[d1], c.Values[d2])).Distinct().Select(p => new[] { (d1, p.Item1), (d2, p.Item2) }));

        var tests = new List<Test>();
        foreach (var segment in segments)
        {
            var (b, bc, _) = cube.Sum(segment, before);
            var (a, ac, arr) = cube.Sum(segment, after);
            var (restBefore, restBeforeCluster) = (totalBefore.Stats - b, totalBefore.Cluster - bc);
            var (restAfter, restAfterCluster) = (totalAfter.Stats - a, totalAfter.Cluster - ac);
            if (b.N < options.MinN || a.N < options.MinN || restBefore.N < options.MinN || restAfter.N < options.MinN) continue;
            var (eb, ea) = (ClusteredEstimator.Estimate(kind, b, bc), ClusteredEstimator.Estimate(kind, a, ac));
            var change = ClusteredEstimator.Compare(ea, eb);
            var restChange = ClusteredEstimator.Compare(ClusteredEstimator.Estimate(kind, restAfter, restAfterCluster), ClusteredEstimator.Estimate(kind, restBefore, restBeforeCluster));
            if (!change.Difference.IsDefined || !restChange.Difference.IsDefined) continue;
            var did = change.Difference.Value - restChange.Difference.Value;
            var se = Math.Sqrt(Math.Pow(change.Difference.StandardError ?? double.NaN, 2) + Math.Pow(restChange.Difference.StandardError ?? double.NaN, 2));
            if (!(se > 0)) continue;
            var p = 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs(did / se)));
            tests.Add(new Test(segment.Select(s => new SegmentCondition(cube.Dimensions[s.Dimension].Name, s.Value)).ToList(),
                eb, ea, change,
                new Estimate(did, did - ClusteredEstimator.Z * se, did + ClusteredEstimator.Z * se, a.N + b.N, "Difference-in-differences vs the rest, normal interval") { StandardError = se },
                p, arr));
        }
        return tests;
    }

    /// <summary>NPS in tenths of a point; a mean score (CSAT, CES on a 1–5 or 1–7 scale) in hundredths, where a tenth is a large move.</summary>
    static string Plain(double value, MetricDefinition metric) => value.ToString(metric.Name == "nps" ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    static string Signed(double value, MetricDefinition metric) =>
        value.ToString(metric.Name == "nps" ? "+0.0;−0.0;0.0" : "+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    /// <param name="withArr">False when no account carries ARR (a shop): "$0 ARR exposed" would read as a figure.</param>
    static string Statement(MetricDefinition metric, Test t, double q, string before, string after, string unit, bool withArr)
    {
        var segment = string.Join(" and ", t.Segment.Select(s => $"{s.Dimension} = {s.Value}"));
        var change = t.Change.Difference;
        var direction = change.Value < 0 ? "fell" : "rose";
        var exposed = withArr ? string.Create(CultureInfo.InvariantCulture, $"; {t.Arr:$#,0} ARR exposed.") : ".";
        return string.Create(CultureInfo.InvariantCulture,
            $"{segment}: {metric.Name.ToUpperInvariant()} {direction} {Plain(Math.Abs(change.Value), metric)}{unit} ({Plain(t.Before.Value, metric)} → {Plain(t.After.Value, metric)}, 95% CI {Signed(change.Lower, metric)} to {Signed(change.Upper, metric)}) from {before} to {after}, " +
            $"{Plain(Math.Abs(t.VsRest.Value), metric)}{unit} {(t.VsRest.Value < 0 ? "worse" : "better")} than the rest (q {Q(q)}){exposed}");
    }

    static string Q(double q) => GroupFalls.Q(q);

    static List<string> Statements(MetricDefinition metric, PeriodRange before, PeriodRange after, Estimate b, Estimate a, Comparison total,
        Decomposition decomposition, List<ScanFinding> findings, string unit, double fdr)
    {
        var name = metric.Name.ToUpperInvariant();
        var statements = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Total {name} went from {Plain(b.Value, metric)} in {before.Label} to {Plain(a.Value, metric)} in {after.Label} ({Signed(total.Difference.Value, metric)}{unit}, 95% CI {Signed(total.Difference.Lower, metric)} to {Signed(total.Difference.Upper, metric)})."),
            string.Create(CultureInfo.InvariantCulture,
                $"By {decomposition.Dimension}: {Signed(decomposition.MixEffect.Value, metric)}{unit} came from mix (the customer base changed; 95% CI {Signed(decomposition.MixEffect.Lower, metric)} to {Signed(decomposition.MixEffect.Upper, metric)}) and {Signed(decomposition.RateEffect.Value, metric)}{unit} from changes within {decomposition.Dimension}s (95% CI {Signed(decomposition.RateEffect.Lower, metric)} to {Signed(decomposition.RateEffect.Upper, metric)})."),
        };
        var notDown = total.Difference.Value >= 0 || !total.IsSignificant();
        var withArr = decomposition.Groups.Sum(g => g.ArrNow) > 0;
        foreach (var g in decomposition.Groups.Where(g => g.FellAt(fdr)))
            statements.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(notDown ? "Hidden under growth: " : "")}within {decomposition.Dimension} {g.Group}, {name} fell {Plain(Math.Abs(g.Change.Difference.Value), metric)}{unit} ({Plain(g.Before.Value, metric)} → {Plain(g.After.Value, metric)}, q {Q(g.QValue!.Value)}){(notDown ? " while the total did not fall" : "")}{(withArr ? $"; {BusinessCase.MoneyFormat.Short(g.ArrNow)} ARR in the segment today." : ".")}"));
        var declines = findings.Where(f => f.DifferenceVsRest.Value < 0 && f.Change.Difference.Value < 0).Take(3).ToList();
        if (declines.Count > 0)
            statements.Add($"{(notDown ? "Trouble hidden under growth" : "Declining segments")}, largest ARR first: " + string.Join(" ", declines.Select(f => f.Statement)));
        else
            statements.Add("No segment declined significantly against the rest at the chosen false discovery rate.");
        return statements;
    }
}
