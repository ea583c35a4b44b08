using Fulcrum.Analytics.Value.Initiatives;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Value;

public sealed class InitiativeImpactDemoTests(ValueDemoFixture demo, ITestOutputHelper output) : IClassFixture<ValueDemoFixture>
{
    [Fact]
    public void Dump()
    {
        foreach (var impact in demo.Impacts)
        {
            output.WriteLine($"{impact.Initiative.InitiativeId} {impact.Design} {impact.Sample} truth={demo.GroundTruth["initiative_" + impact.Initiative.InitiativeId].Realized}");
            output.WriteLine(impact.Summary);
            foreach (var o in impact.Outcomes)
            {
                output.WriteLine($"  {o.Outcome}: {o.AverageSinceStart} {o.Verdict}");
                output.WriteLine($"    pretrend {o.PreTrend}; placebo {o.Placebo?.Effect} {o.Placebo?.Verdict}");
                foreach (var e in o.Leads) output.WriteLine($"    lead {e.QuartersSinceStart} {e.Effect}");
                foreach (var e in o.ByQuarterSinceStart) output.WriteLine($"    k={e.QuartersSinceStart} {e.Quarter} {e.Effect}");
                if (o.Money is { } m) output.WriteLine($"    money {m.Kind}: {m.Total}");
            }
        }
    }
}
