using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Analytics.Value.References;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Value.Ledger;

/// <summary>The value of one quarter: money saved (cost to serve), retained (churn avoided, ARR) and made (expansion ARR,
/// incremental won revenue from references), their total and the running total.</summary>
public sealed record LedgerQuarter(string Quarter, DateOnly QuarterStart, Estimate Saved, Estimate Retained, Estimate Made, Estimate Total, Estimate Cumulative);

/// <summary>A line of the ledger (an initiative, a kind of initiative, the reference program or everything) by quarter.</summary>
public sealed record LedgerLine(string Name, string? Kind, double? Cost, IReadOnlyList<LedgerQuarter> Quarters, Estimate Total, string Verdict);

/// <summary>
/// The value ledger, per quarter: by initiative, quick wins vs long-term projects, the reference program and in total, with
/// cumulative figures. Every figure is an <see cref="Estimate"/>; totals add the parts' variances.
/// </summary>
/// <param name="LeftOut">What the totals leave out because the data lack it (e.g. cost saved without tickets), with the reason and what to import.</param>
public sealed record ValueLedgerReport(
    IReadOnlyList<LedgerLine> ByInitiative, IReadOnlyList<LedgerLine> ByKind, LedgerLine References, LedgerLine Total, IReadOnlyList<string> Notes,
    IReadOnlyList<string> LeftOut);

public static class ValueLedger
{
    const string SumMethod = "Sum of estimates; variances added (the parts are treated as independent)";

    public static ValueLedgerReport Build(IReadOnlyList<InitiativeImpact> impacts, ReferenceProgramReport references)
    {
        var byInitiative = impacts.Where(i => i.Outcomes.Count > 0 || i.NotMeasured.Count > 0).Select(Line).ToList();
        // Outcomes the store cannot measure at all are absent in every quarter of the combined lines, also where no initiative ran.
        var unmeasurable = impacts.SelectMany(i => i.NotMeasured).DistinctBy(m => m.Key).ToDictionary(m => m.Key, m => m.Value);
        var referenceLine = Absent(ReferenceLine(references), unmeasurable);
        var byKind = Initiative.Kinds
            .Select(kind => Combine(kind == Initiative.QuickWin ? "quick wins" : "long-term projects", kind, byInitiative.Where(l => l.Kind == kind).ToList()))
            .Where(l => l.Quarters.Count > 0).Select(l => Absent(l, unmeasurable)).ToList();
        var total = Absent(Combine("total", null, [.. byInitiative, referenceLine]), unmeasurable);
        var notes = new List<string>
        {
            "Saved = cost to serve avoided; retained = ARR kept by churn avoided; made = expansion ARR plus incremental won revenue from referenced deals.",
            "Initiative money = the event-study effect in each quarter since its start × the targeted accounts' exposure (accounts, or ARR for churn) that quarter.",
            "Totals add variances as if the parts were independent; initiatives share control accounts, so treat total intervals as approximate.",
            "An effect whose interval includes zero is counted at its estimate with that interval — not dropped, not rounded up.",
        };
        foreach (var impact in impacts.Where(i => i.Outcomes.Count == 0)) notes.Add($"{impact.Initiative.InitiativeId}: {impact.Summary}");
        var leftOut = impacts.SelectMany(i => i.NotMeasured).Distinct().GroupBy(m => m.Value)
            .Select(g => $"{string.Join(" and ", g.Select(m => Column(m.Key)).Distinct())} absent and left out of every total: {g.Key}.").ToList();
        if (references.Unmeasurable is { } why && references.UnmeasuredRequests > 0)
            leftOut.Add($"The reference program is absent and left out of every total: {why}.");
        return new ValueLedgerReport(byInitiative, byKind, referenceLine, total, notes, leftOut);
    }

    /// <summary>The line with every "nothing measured" part of an outcome the store cannot measure made absent, with the reason.</summary>
    static LedgerLine Absent(LedgerLine line, IReadOnlyDictionary<string, string> unmeasurable)
    {
        if (unmeasurable.Count == 0) return line;
        Estimate Part(Estimate e, string outcome) =>
            e.Method == NothingMeasured && unmeasurable.TryGetValue(outcome, out var why) ? Estimate.Undefined(0, why) : e;
        return line with
        {
            Quarters = line.Quarters.Select(q => q with
            {
                Saved = Part(q.Saved, InitiativeImpactAnalysis.CostToServe),
                Retained = Part(q.Retained, InitiativeImpactAnalysis.Churn),
                Made = Part(q.Made, InitiativeImpactAnalysis.Expansion),
            }).ToList(),
        };
    }

    static string Column(string outcome) => outcome switch
    {
        InitiativeImpactAnalysis.CostToServe => "Saved (cost to serve)",
        InitiativeImpactAnalysis.Churn => "Retained (churn avoided)",
        InitiativeImpactAnalysis.Expansion => "Expansion ARR (in made)",
        _ => outcome,
    };

    static LedgerLine Line(InitiativeImpact impact)
    {
        var saved = Money(impact, InitiativeImpactAnalysis.CostToServe);
        var retained = Money(impact, InitiativeImpactAnalysis.Churn);
        var made = Money(impact, InitiativeImpactAnalysis.Expansion);
        // An outcome the data cannot measure is absent with its reason in every quarter, not 0.
        Estimate Part(QuarterMoney? money, string outcome) => money?.Amount
            ?? (impact.NotMeasured.TryGetValue(outcome, out var why) ? Estimate.Undefined(0, why) : Zero());
        var starts = saved.Keys.Union(retained.Keys).Union(made.Keys).Order().ToList();
        if (starts.Count == 0 && impact.NotMeasured.Count > 0)
        {
            // No money outcome measurable at all: the line's value is absent, not 0.
            var absent = Estimate.Undefined(0, string.Join("; ", impact.NotMeasured.Values.Distinct()));
            return new LedgerLine(impact.Initiative.Name, impact.Initiative.Kind, impact.Initiative.Cost, [], absent, Verdict(absent, impact.Initiative.Cost));
        }
        var quarters = new List<LedgerQuarter>();
        foreach (var start in starts)
        {
            var s = saved.GetValueOrDefault(start);
            var r = retained.GetValueOrDefault(start);
            var m = made.GetValueOrDefault(start);
            var label = (s ?? r ?? m)!.Quarter;
            var amount = Sum([s?.Amount, r?.Amount, m?.Amount]);
            var cumulative = Sum([s?.Cumulative, r?.Cumulative, m?.Cumulative]);
            quarters.Add(new LedgerQuarter(label, start, Part(s, InitiativeImpactAnalysis.CostToServe), Part(r, InitiativeImpactAnalysis.Churn),
                Part(m, InitiativeImpactAnalysis.Expansion), amount, cumulative));
        }
        var total = quarters.Count == 0 ? Zero() : quarters[^1].Cumulative;
        return new LedgerLine(impact.Initiative.Name, impact.Initiative.Kind, impact.Initiative.Cost, quarters, total, Verdict(total, impact.Initiative.Cost));
    }

    static Dictionary<DateOnly, QuarterMoney> Money(InitiativeImpact impact, string outcome) =>
        impact.Outcome(outcome)?.Money?.ByQuarter.ToDictionary(q => q.QuarterStart) ?? [];

    static LedgerLine ReferenceLine(ReferenceProgramReport references)
    {
        if (references.Unmeasurable is { } why)
        {
            var absent = Estimate.Undefined(0, why);
            return new LedgerLine("reference program (incremental won revenue)", null, null, [], absent, Verdict(absent, null));
        }
        var quarters = new List<LedgerQuarter>();
        double cumulativeAmount = 0;
        var uplift = references.WinRateUplift.Difference;
        foreach (var q in references.IncrementalByQuarter)
        {
            cumulativeAmount += uplift.IsDefined && uplift.Value != 0 ? q.Incremental.Value / uplift.Value : 0;
            var cumulative = uplift.IsDefined
                ? new Estimate(uplift.Value * cumulativeAmount, uplift.Lower * cumulativeAmount, uplift.Upper * cumulativeAmount, q.Incremental.N,
                    q.Incremental.Method + "; cumulative") { StandardError = uplift.StandardError * cumulativeAmount }
                : q.Incremental;
            quarters.Add(new LedgerQuarter(q.Quarter, q.QuarterStart, Zero(), Zero(), q.Incremental, q.Incremental, cumulative));
        }
        var total = quarters.Count == 0 ? Zero() : quarters[^1].Cumulative;
        return new LedgerLine("reference program (incremental won revenue)", null, null, quarters, total, Verdict(total, null));
    }

    static LedgerLine Combine(string name, string? kind, IReadOnlyList<LedgerLine> lines)
    {
        var starts = lines.SelectMany(l => l.Quarters.Select(q => q.QuarterStart)).Distinct().Order().ToList();
        var quarters = new List<LedgerQuarter>();
        foreach (var start in starts)
        {
            var parts = lines.Select(l => l.Quarters.FirstOrDefault(q => q.QuarterStart == start)).Where(q => q is not null).Select(q => q!).ToList();
            // A line that ended earlier still counts with its final cumulative value.
            var cumulativeParts = lines.Select(l => l.Quarters.LastOrDefault(q => q.QuarterStart <= start)?.Cumulative).Where(c => c is not null);
            quarters.Add(new LedgerQuarter(parts[0].Quarter, start, Sum(parts.Select(p => p.Saved)), Sum(parts.Select(p => p.Retained)),
                Sum(parts.Select(p => p.Made)), Sum(parts.Select(p => p.Total)), Sum(cumulativeParts)));
        }
        var cost = lines.Any(l => l.Cost is not null) ? lines.Sum(l => l.Cost ?? 0) : (double?)null;
        // Without a quarter the lines' totals say it: absent with their reasons when none was measured.
        var total = quarters.Count == 0 ? Sum(lines.Select(l => l.Total)) : quarters[^1].Cumulative;
        return new LedgerLine(name, kind, cost, quarters, total, Verdict(total, cost));
    }

    const string NothingMeasured = "Nothing measured for this part in this quarter";

    static Estimate Zero() => new(0, 0, 0, 0, NothingMeasured);

    /// <summary>
    /// The sum of the defined parts; a part absent for want of data is left out (the ledger's LeftOut says so). When every
    /// part with something to say is absent, so is the sum, with their reasons: never 0 [0 to 0] for a figure nobody measured.
    /// </summary>
    static Estimate Sum(IEnumerable<Estimate?> parts)
    {
        var present = parts.Where(p => p is not null).Select(p => p!).ToList();
        var defined = present.Where(p => p.IsDefined).ToList();
        if (!defined.Any(p => p.Method != NothingMeasured) && present.Where(p => !p.IsDefined).Select(p => p.Method).Distinct().ToList() is { Count: > 0 } reasons)
            return Estimate.Undefined(0, string.Join("; ", reasons));
        if (defined.Count == 0) return Zero();
        var value = defined.Sum(p => p.Value);
        var se = Math.Sqrt(defined.Sum(p => Math.Pow(p.StandardError ?? (p.Upper - p.Lower) / (2 * 1.959963984540054), 2)));
        const double z = 1.959963984540054;
        return new Estimate(value, value - z * se, value + z * se, defined.Max(p => p.N), SumMethod) { StandardError = se };
    }

    static string Verdict(Estimate total, double? cost)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        if (!total.IsDefined) return $"not measured: {total.Method}";
        var range = string.Create(c, $"{total.Value:N0} (95% CI {total.Lower:N0} to {total.Upper:N0})");
        var value = total.Lower > 0 ? $"value delivered: {range}"
            : total.Upper < 0 ? $"value lost: {range}"
            : $"no detectable value: {range} includes 0";
        return cost is { } k && k > 0 ? value + string.Create(c, $"; cost {k:N0}") : value;
    }
}
