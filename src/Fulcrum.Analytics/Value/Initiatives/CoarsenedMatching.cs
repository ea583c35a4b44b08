namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>Who is compared with whom: the treated accounts kept, the comparable untreated accounts and their weights.</summary>
/// <param name="Weight">Per account: 1 for a matched treated account, the CEM weight for a matched control, 0 when not in the sample.</param>
/// <param name="Stratum">Per account: dense id of its matching stratum (−1 when not in the sample).</param>
/// <param name="SizeBand">Per account: its pre-period cost-to-serve band (0–3), for size-specific effects of products held.</param>
public sealed record MatchedSample(
    double[] Weight, bool[] Treated, int[] Stratum, int[] SizeBand, int TargetedAccounts, int TreatedMatched, int ControlsMatched,
    int TreatedUnmatched, int TreatedWithoutHistory, int ControlsExcludedForOtherInitiatives, IReadOnlyList<string> MatchedOn)
{
    public bool HasControls => ControlsMatched > 0 && TreatedMatched > 0;
}

/// <summary>
/// Coarsened exact matching (Iacus, King &amp; Porro 2012) of the accounts an initiative targets to untreated accounts on
/// their state before it started: NPS band over the pre-period (CSAT quartile band where only CSAT is answered), ARR band in the quarter before the start, and segment and
/// region unless the target itself is defined by them. Accounts targeted by another initiative are not used as controls
/// (their own effect would leak into the comparison). Treated accounts in a stratum without controls are dropped and
/// counted; controls get the CEM weight (treated / controls in their stratum) × (all matched controls / all matched treated).
/// </summary>
public static class CoarsenedMatching
{
    static readonly double[] NpsBandEdges = [-20, 20, 60];
    static readonly double[] ArrBandEdges = [25_000, 100_000, 400_000];
    static readonly double[] CostBandEdges = [200, 500, 1_000];

    public static MatchedSample Match(ValuePanel panel, bool[] targeted, bool[] otherInitiatives, int startQuarter, TargetFilter target)
    {
        var n = panel.Accounts.Count;
        // Pre-period NPS per account and ARR in the quarter just before the start.
        var scoreSum = new double[n];
        var scoreCount = new int[n];
        var r = panel.Responses;
        for (var i = 0; i < r.Count; i++)
            if (r.Quarter[i] < startQuarter) { scoreSum[r.Account[i]] += r.Score[i]; scoreCount[r.Account[i]]++; }
        var arrBefore = new double[n];
        var activeBefore = new bool[n];
        var aq = panel.AccountQuarters;
        var costSum = new double[n];
        var costQuarters = new int[n];
        for (var i = 0; i < aq.Count; i++)
        {
            if (aq.Quarter[i] == startQuarter - 1) { arrBefore[aq.Account[i]] = aq.Arr[i]; activeBefore[aq.Account[i]] = true; }
            if (aq.Quarter[i] < startQuarter) { costSum[aq.Account[i]] += aq.CostToServe[i]; costQuarters[aq.Account[i]]++; }
        }

        var scoreEdges = panel.SurveyMetric == InitiativeImpactAnalysis.Csat ? Quartiles(scoreSum, scoreCount) : NpsBandEdges;
        var matchedOn = new List<string> { $"pre-period {panel.SurveyMetric.ToUpperInvariant()} band", "ARR band before the start" };
        var useSegment = !target.ConstrainedFields.Contains("segment");
        var useRegion = !target.ConstrainedFields.Contains("region");
        if (useSegment) matchedOn.Add("segment");
        if (useRegion) matchedOn.Add("region");

        var costBand = new int[n];
        for (var a = 0; a < n; a++) costBand[a] = costQuarters[a] == 0 ? 0 : Band(costSum[a] / costQuarters[a], CostBandEdges);
        var key = new string?[n];
        int withoutHistory = 0, excluded = 0;
        for (var a = 0; a < n; a++)
        {
            if (!targeted[a] && otherInitiatives[a]) { excluded++; continue; }
            if (scoreCount[a] == 0 || !activeBefore[a]) { if (targeted[a]) withoutHistory++; continue; }
            var account = panel.Accounts[a];
            key[a] = string.Join("|", Band(scoreSum[a] / scoreCount[a], scoreEdges), Band(arrBefore[a], ArrBandEdges),
                useSegment ? account.Segment : "", useRegion ? account.Region : "");
        }

        var treatedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        var controlsIn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < n; a++)
        {
            if (key[a] is not { } k) continue;
            var counts = targeted[a] ? treatedIn : controlsIn;
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        var shared = treatedIn.Keys.Where(controlsIn.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var strata = shared.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var treatedMatched = shared.Sum(k => treatedIn[k]);
        var controlsMatched = shared.Sum(k => controlsIn[k]);

        var weight = new double[n];
        var stratum = Enumerable.Repeat(-1, n).ToArray();
        var unmatched = 0;
        for (var a = 0; a < n; a++)
        {
            if (key[a] is not { } k) continue;
            if (!strata.TryGetValue(k, out var s)) { if (targeted[a]) unmatched++; continue; }
            stratum[a] = s;
            weight[a] = targeted[a] ? 1 : (double)treatedIn[k] / controlsIn[k] * controlsMatched / treatedMatched;
        }
        return new MatchedSample(weight, targeted, stratum, costBand, targeted.Count(t => t), treatedMatched, controlsMatched, unmatched, withoutHistory, excluded, matchedOn);
    }

    /// <summary>
    /// Band edges at the quartiles of the accounts' pre-period mean scores: CSAT's scale is the mapping's (1–5 by default, or
    /// another), so its bands come from the answers rather than fixed points as NPS's do.
    /// </summary>
    static double[] Quartiles(double[] sum, int[] count)
    {
        var means = Enumerable.Range(0, sum.Length).Where(a => count[a] > 0).Select(a => sum[a] / count[a]).Order().ToArray();
        if (means.Length == 0) return [];
        return new[] { 0.25, 0.5, 0.75 }.Select(q => means[(int)Math.Min(means.Length - 1, Math.Floor(q * means.Length))]).Distinct().ToArray();
    }

    static int Band(double x, double[] edges)
    {
        var band = 0;
        while (band < edges.Length && x >= edges[band]) band++;
        return band;
    }
}
