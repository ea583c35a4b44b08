using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>The caveat every headline on an unreliable linkage fit carries.</summary>
public sealed class FitCautionTests
{
    static ModelSummary Churn(bool converged) => new("churn", "churn at a renewal decision (logistic)", "maximum likelihood", 1_000, 5, converged, null);

    [Fact]
    public void A_converged_fit_with_few_failed_resamples_needs_no_caveat() =>
        Assert.Null(FitCaution.Of([Churn(true)], 1_000, 100));

    [Fact]
    public void More_than_a_tenth_of_resamples_failing_is_said_with_the_count()
    {
        var caution = FitCaution.Of([Churn(true)], 1_000, 150);
        Assert.NotNull(caution);
        Assert.Contains("150 of 1,000 bootstrap resamples (15%)", caution, StringComparison.Ordinal);
        Assert.Contains("rest on the other 850", caution, StringComparison.Ordinal);
    }

    [Fact]
    public void Most_resamples_failing_and_a_point_fit_that_did_not_converge_are_both_said()
    {
        var caution = FitCaution.Of([Churn(false)], 1_000, 743);
        Assert.NotNull(caution);
        Assert.Contains("churn model did not converge", caution, StringComparison.Ordinal);
        Assert.Contains("743 of 1,000 bootstrap resamples (74%)", caution, StringComparison.Ordinal);
        Assert.Contains("withheld", caution, StringComparison.Ordinal);
    }
}
