using Fulcrum.Analytics.Themes.Evaluation;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>Reference values from scikit-learn 1.2.1: Reference/agreement_reference.py (output in agreement_reference.txt).</summary>
public class AgreementReferenceTests
{
    static readonly int[] Clusters = [0, 0, 1, 1, 1, 2, 2, 2, 2, 0, 1, 2, 3, 3, 0];
    static readonly string[] Reasons = ["late", "late", "bags", "bags", "late", "service", "service", "bags", "service", "late", "bags", "service", "late", "service", "bags"];

    [Fact]
    public void NMI_equals_scikit_learn() =>
        Assert.Equal(0.442485503842, ClusteringAgreement.NormalizedMutualInformation(Reasons, Clusters), 1e-9);

    [Fact]
    public void ARI_equals_scikit_learn() =>
        Assert.Equal(0.272401433692, ClusteringAgreement.AdjustedRandIndex(Reasons, Clusters), 1e-9);

    [Fact]
    public void Macro_F1_equals_scikit_learn()
    {
        string[] truth = ["negative", "negative", "neutral", "positive", "negative", "neutral", "positive", "negative", "neutral", "positive"];
        string[] predicted = ["negative", "neutral", "neutral", "positive", "negative", "negative", "neutral", "negative", "neutral", "positive"];
        Assert.Equal(0.707142857143, ClassificationAgreement.MacroF1(truth, predicted), 1e-9);
    }

    [Fact]
    public void Identical_partitions_agree_perfectly_whatever_the_names()
    {
        int[] a = [0, 0, 1, 1, 2];
        string[] b = ["x", "x", "y", "y", "z"];
        Assert.Equal(1.0, ClusteringAgreement.NormalizedMutualInformation(a, b), 12);
        Assert.Equal(1.0, ClusteringAgreement.AdjustedRandIndex(a, b), 12);
    }
}
