using System.Globalization;
using Fulcrum.Core.Statistics;
using MathNet.Numerics.Distributions;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// Whether a key-driver model explains anything. Shares of R² always sum to 100%, so even a model that explains nothing
/// has a "largest" driver (one driver alone takes 100%); that driver must not be headlined as what drives the outcome.
/// </summary>
internal static class ExplainedVariation
{
    /// <summary>Below this R² (1% of the variation) the drivers explain too little for any of them to lead, however significant.</summary>
    public const double MinimumRSquared = 0.01;

    /// <summary>
    /// Why no driver can be headlined, or null when the model explains something: R² under <see cref="MinimumRSquared"/>, or
    /// no larger than the drivers would explain by chance. The overall F test counts accounts, not answers, as the sample
    /// (an account's answers are not independent; the bootstrap resamples accounts too), so it errs towards "nothing".
    /// The R² interval cannot show this itself: a percentile bootstrap of R² never reaches below zero.
    /// </summary>
    public static string? WhyNoTopDriver(Estimate rSquared, int drivers, long accounts, string outcome)
    {
        var c = CultureInfo.InvariantCulture;
        if (!rSquared.IsDefined || double.IsNaN(rSquared.Value))
            return $"R² could not be estimated ({rSquared.Method}), so no driver can be said to lead.";
        var r2 = rSquared.Value;
        if (r2 < MinimumRSquared)
            return string.Create(c, $"the drivers together explain {100 * r2:0.0}% of the variation in {outcome} (under {100 * MinimumRSquared:0}%), so none of them drives it.");
        var residualDf = accounts - drivers - 1;
        if (residualDf < 1)
            return string.Create(c, $"{accounts:N0} accounts are too few to tell {drivers:N0} drivers' R² from chance.");
        var f = r2 / drivers / ((1 - r2) / residualDf);
        var p = 1 - FisherSnedecor.CDF(drivers, residualDf, f);
        var alpha = 1 - rSquared.ConfidenceLevel;
        return p < alpha ? null
            : string.Create(c, $"R² {r2:0.000} is no more than {drivers:N0} driver{(drivers == 1 ? "" : "s")} would explain by chance across {accounts:N0} accounts "
                               + $"(F test p = {p:0.00}, not below {alpha:0.##}), so none of them can be said to drive {outcome}.");
    }
}
