using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Segments;

namespace Fulcrum.Analytics.Tests.Segments;

public sealed class DrillDownTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    [Fact]
    public void Tree_accounts_for_every_response_and_respects_depth()
    {
        var root = DrillDown.Run(new AnalysisFacts(demo.Store), new DrillOptions(Depth: 3, MinN: 30));

        Assert.Equal(demo.Store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE nps IS NOT NULL"), root.Value.N);
        Assert.NotNull(root.SplitDimension);
        Assert.Equal(root.Value.N, root.Children.Sum(c => c.Value.N));
        Assert.True(Depth(root) <= 3);
        Assert.All(Flatten(root), node =>
        {
            Assert.True(node.Value.Lower <= node.Value.Value && node.Value.Value <= node.Value.Upper, $"{node.Label}: {node.Value}");
            Assert.True(node.Children.Count == 0 || node.SplitPValue < 0.05);
            Assert.Equal(node.Path.Select(p => p.Dimension).Distinct().Count(), node.Path.Count);
        });
        // ARR of the children adds up to the parent's.
        Assert.Equal(root.Arr, root.Children.Sum(c => c.Arr), 3);
    }

    [Fact]
    public void Segment_explains_the_demo_company_nps_first()
    {
        // Planted: segment means differ (SMB incumbents lower, large incumbents higher) — the largest split.
        var root = DrillDown.Run(new AnalysisFacts(demo.Store), new DrillOptions(Depth: 1));
        Assert.Equal("segment", root.SplitDimension);
        Assert.Equal(["Enterprise", "Mid-Market", "SMB"], root.Children.Select(c => c.Label).Order());
    }

    static int Depth(DrillNode node) => node.Children.Count == 0 ? 0 : 1 + node.Children.Max(Depth);

    static IEnumerable<DrillNode> Flatten(DrillNode node) => node.Children.SelectMany(Flatten).Prepend(node);
}
