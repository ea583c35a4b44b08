using Fulcrum.Core.Statistics;

namespace Fulcrum.Data.Demo;

/// <summary>
/// Counts gathered while simulating, from which the realized size of each planted effect is computed.
/// Effects on NPS are measured against a counterfactual: the same response with the effect removed
/// (same noise draw), so "realized" is exactly what the effect did to this data set.
/// </summary>
internal sealed class GroundTruthTally
{
    public sealed class NpsPair
    {
        public long N, Promoters, Detractors, CfPromoters, CfDetractors;

        public void Add(int actual, int counterfactual)
        {
            N++;
            if (actual >= 9) Promoters++; else if (actual <= 6) Detractors++;
            if (counterfactual >= 9) CfPromoters++; else if (counterfactual <= 6) CfDetractors++;
        }

        public double EffectPoints => N == 0 ? double.NaN : 100.0 * ((Promoters - Detractors) - (CfPromoters - CfDetractors)) / N;

        public void Merge(NpsPair other)
        {
            N += other.N; Promoters += other.Promoters; Detractors += other.Detractors;
            CfPromoters += other.CfPromoters; CfDetractors += other.CfDetractors;
        }
    }

    public NpsPair MultiProduct { get; } = new();
    public Dictionary<string, NpsPair> Initiatives { get; } = DemoInitiative.All.ToDictionary(i => i.Id, _ => new NpsPair());
    public long[] RenewalsByCategory { get; } = new long[3];
    public long[] ChurnsByCategory { get; } = new long[3];
    public long[] ExpansionsByCategory { get; } = new long[3];
    public ThemeRenewalTally ThemeRenewals { get; } = new();
    public long MultiDetractorComments, MultiDetractorIntegration, MultiDetractorManagers, OtherComments, OtherIntegration, OtherManagers;
    public long[] AskedByCategory { get; } = new long[3];
    public long[] AgreedByCategory { get; } = new long[3];
    public long ReferencedDeals, ReferencedWins, OtherDeals, OtherWins;

    public static int Index(NpsCategory category) => (int)category;

    public void Merge(GroundTruthTally other)
    {
        MultiProduct.Merge(other.MultiProduct);
        foreach (var (id, pair) in other.Initiatives) Initiatives[id].Merge(pair);
        for (var i = 0; i < 3; i++)
        {
            RenewalsByCategory[i] += other.RenewalsByCategory[i];
            ChurnsByCategory[i] += other.ChurnsByCategory[i];
            ExpansionsByCategory[i] += other.ExpansionsByCategory[i];
            AskedByCategory[i] += other.AskedByCategory[i];
            AgreedByCategory[i] += other.AgreedByCategory[i];
        }
        ThemeRenewals.Merge(other.ThemeRenewals);
        MultiDetractorComments += other.MultiDetractorComments; MultiDetractorIntegration += other.MultiDetractorIntegration;
        MultiDetractorManagers += other.MultiDetractorManagers; OtherComments += other.OtherComments;
        OtherIntegration += other.OtherIntegration; OtherManagers += other.OtherManagers;
        ReferencedDeals += other.ReferencedDeals; ReferencedWins += other.ReferencedWins;
        OtherDeals += other.OtherDeals; OtherWins += other.OtherWins;
    }
}
