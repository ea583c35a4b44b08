using Fulcrum.Core.Statistics;

namespace Fulcrum.Data.Demo;

/// <summary>
/// A complaint-style account flag (attribute <c>complaint</c>, yes/no) planted with a known odds ratio for churn, as a
/// CRM's "has complained" field: the e-commerce export had one with an odds ratio of about 4.4.
/// </summary>
/// <remarks>
/// The flag is drawn once the account's renewals are simulated, with one chance for accounts that churned and another for
/// those that stayed. Because it depends on nothing but churn, the odds ratio of churn between flagged and unflagged
/// accounts is exactly <c>a(1 − b) / (b(1 − a))</c> with a, b the two chances — and the same conditional on anything else
/// about the account (segment, scores, size): P(churn | flag, X) has odds (a/b)·odds(churn | X) when flagged and
/// ((1 − a)/(1 − b))·odds(churn | X) when not. So a model of churn on the flag plus any other account variables should
/// recover the planted ratio within its interval. Each account's draw has its own random stream, so planting the flag
/// leaves every other generated value unchanged.
/// </remarks>
internal static class ComplaintFlag
{
    public const string Attribute = "complaint";

    /// <summary>Share of accounts that stayed which carry the flag.</summary>
    public const double ShareOfStayers = 0.10;

    /// <summary>The share of churned accounts that carry the flag, so that the odds ratio is <paramref name="oddsRatio"/>.</summary>
    public static double ShareOfChurners(double oddsRatio) => oddsRatio * ShareOfStayers / (1 - ShareOfStayers + oddsRatio * ShareOfStayers);

    public static bool Draw(int seed, int accountIndex, bool churned, double oddsRatio)
    {
        var rng = DeterministicRandom.Create((ulong)seed, $"complaint-flag-{accountIndex}");
        return rng.NextDouble() < (churned ? ShareOfChurners(oddsRatio) : ShareOfStayers);
    }

    /// <summary>The account's attribute JSON (an object) with the flag added as "yes" or "no".</summary>
    public static string AddTo(string attributes, bool flagged) => $"{attributes.TrimEnd()[..^1]},\"{Attribute}\":\"{(flagged ? "yes" : "no")}\"}}";
}
