using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

public sealed class ModelQualityTests
{
    [Fact]
    public void AUC_counts_correctly_ordered_pairs_and_half_of_ties()
    {
        // Positives at 0.4 and 0.8, negatives at 0.1 and 0.6: 3 of 4 pairs ordered correctly.
        var auc = ModelQualityCheck.Auc([(0.1, 0, 1), (0.4, 1, 0), (0.6, 0, 1), (0.8, 1, 0)]);
        Assert.Equal(0.75, auc.Value, 12);
        var tied = ModelQualityCheck.Auc([(0.5, 1, 1), (0.9, 1, 0), (0.2, 0, 1)]);
        // Pairs (pos, neg): (0.5,0.5)=½, (0.5,0.2)=1, (0.9,0.5)=1, (0.9,0.2)=1 → 3.5/4.
        Assert.Equal(0.875, tied.Value, 12);
        Assert.True(tied.Lower < tied.Value && tied.Value <= tied.Upper);
    }

    [Fact]
    public void AUC_is_undefined_without_both_outcomes()
    {
        Assert.False(ModelQualityCheck.Auc([(0.3, 2, 0), (0.6, 1, 0)]).IsDefined);
    }
}
