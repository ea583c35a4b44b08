using Fulcrum.Analytics.Cohorts;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Cohorts;

/// <summary>
/// The stratified cluster bootstrap, which sums 16 resamples per pass over the accounts' rows, gives the intervals of the
/// plain cluster bootstrap over the rows (<see cref="Bootstrap.ClusterReplicateVectors{TGroup}"/>, the same draws) — also
/// when the number of resamples is not a multiple of 16.
/// </summary>
public sealed class StratifiedRowsTests
{
    [Theory]
    [InlineData(307)]
    [InlineData(160)]
    public void Resamples_equal_the_cluster_bootstrap_over_the_rows(int replicates)
    {
        var random = new Random(3);
        var rows = new List<(string Account, string Stratum, bool InCohort, double[] Values)>();
        for (var i = 0; i < 400; i++)
        {
            // Accounts sit in several strata; stratum "s9" has no comparable rows and is left out.
            var account = $"acc-{random.Next(120):000}";
            var inCohort = random.Next(4) == 0;
            var stratum = inCohort && random.Next(10) == 0 ? "s9" : $"s{random.Next(6)}";
            rows.Add((account, stratum, inCohort, [random.Next(0, 5), random.Next(0, 3)]));
        }

        var options = new TransitionOptions(Replicates: replicates, Seed: 17);
        var strata = new StratifiedRows(rows, width: 2);
        var (cohort, comparable, difference) = strata.ResampleAccounts(CohortRate, ComparableRate, options);

        var usable = rows.Where(r => r.Values[0] > 0).GroupBy(r => r.Stratum)
            .Where(g => g.Any(r => r.InCohort) && g.Any(r => !r.InCohort)).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var kept = rows.Where(r => usable.Contains(r.Stratum)).ToList();
        StratumSums Sums(ReadOnlySpan<int> indices)
        {
            var sums = new double[2 * usable.Count * 2];
            foreach (var i in indices)
            {
                var target = ((kept[i].InCohort ? 0 : usable.Count) + usable.IndexOf(kept[i].Stratum)) * 2;
                sums[target] += kept[i].Values[0];
                sums[target + 1] += kept[i].Values[1];
            }
            return new StratumSums(sums, usable.Count, 2);
        }
        var expected = Bootstrap.ClusterReplicateVectors(kept.Select(r => r.Account).ToList(),
            ix => { var s = Sums(ix); return [CohortRate(s), ComparableRate(s)]; }, options.Seed, replicates);

        Assert.Equal(usable.Count, strata.Count);
        Assert.Equal(kept.Count, strata.Rows);
        Assert.Equal(CohortRate(Sums(Enumerable.Range(0, kept.Count).ToArray())), cohort.Value);
        AssertInterval(expected.Select(v => v[0]), cohort);
        AssertInterval(expected.Select(v => v[1]), comparable);
        AssertInterval(expected.Select(v => v[0] - v[1]), difference);

        void AssertInterval(IEnumerable<double> replicateValues, Estimate actual)
        {
            var (lower, upper) = Bootstrap.PercentileInterval(replicateValues, options.ConfidenceLevel);
            Assert.Equal(lower, actual.Lower);
            Assert.Equal(upper, actual.Upper);
        }
    }

    static double CohortRate(StratumSums x) => Rate(x, comparable: false);

    static double ComparableRate(StratumSums x) => Rate(x, comparable: true);

    static double Rate(StratumSums x, bool comparable)
    {
        double events = 0, exposure = 0;
        for (var s = 0; s < x.Strata; s++)
        {
            events += comparable ? x.Comparable(s, 1) : x.Cohort(s, 1);
            exposure += comparable ? x.Comparable(s, 0) : x.Cohort(s, 0);
        }
        return exposure > 0 ? events / exposure : double.NaN;
    }
}
