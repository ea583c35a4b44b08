using System.Globalization;

namespace Fulcrum.Analytics.Cohorts;

/// <summary>
/// The plain-words sentence of a transition cohort, e.g. "412 accounts added a second product; their NPS fell 19.8 points
/// (95% CI −23.1 to −16.4, paired, n=380); …". Negative numbers use the minus sign (U+2212).
/// </summary>
public static class TransitionSummary
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Describe(TransitionCohort cohort, TransitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var added = $"added a {Ordinal(cohort.ToProducts)} product";
        if (cohort.Accounts == 0)
            return $"No account {added} (held exactly {cohort.FromProducts} product{(cohort.FromProducts == 1 ? "" : "s")} the day before holding more).";

        var level = Level(options.ConfidenceLevel);
        var parts = new List<string>
        {
            $"{cohort.Accounts.ToString("N0", Invariant)} account{(cohort.Accounts == 1 ? "" : "s")} {added}",
            NpsPart(cohort.Nps, level, Kind(cohort.FromProducts)),
            ChurnPart(cohort.Churn, level, cohort.FromProducts),
        };
        if (cohort.Contacts is { } contacts) parts.Add(ContactsPart(contacts, level));
        parts.Add(ArrPart(cohort.Arr));
        return string.Join("; ", parts.Where(p => p.Length > 0)) + ".";
    }

    static string NpsPart(NpsTransition nps, string level, string kind)
    {
        var d = nps.Difference;
        var excluded = nps.Coverage.Excluded > 0 ? $", {nps.Coverage.Excluded.ToString("N0", Invariant)} without responses on both sides left out" : "";
        if (!d.IsDefined) return $"no account had survey responses on both sides of the transition{excluded}";
        var interval = $"{level} CI {Number(d.Lower)} to {Number(d.Upper)}, paired, n={d.N.ToString("N0", Invariant)}{excluded}";
        var text = d.Contains(0) || double.IsNaN(d.Lower)
            ? $"their NPS changed by {Signed(d.Value)} points, not significantly ({interval})"
            : $"their NPS {(d.Value < 0 ? "fell" : "rose")} {Number(Math.Abs(d.Value))} points ({interval})";
        var trend = nps.TrendAdjusted;
        if (trend.ComparableChange.IsDefined && trend.Difference.IsDefined)
        {
            var c = trend.ComparableChange.Value;
            var moved = Math.Abs(c) < 0.05 ? "stayed flat" : $"{(c < 0 ? "fell" : "rose")} {Number(Math.Abs(c))}";
            var net = trend.Difference;
            text += $" while comparable {kind} accounts {moved} over the same months, a net change of {Signed(net.Value)} points "
                    + $"({level} CI {Signed(net.Lower)} to {Signed(net.Upper)})";
        }
        return text;
    }

    static string ChurnPart(ChurnTransition churn, string level, int fromProducts)
    {
        if (!churn.CohortMatched.IsDefined || !churn.Comparable.IsDefined)
        {
            return churn.After.IsDefined
                ? $"{Percent(churn.After.Value)} of their renewals after the transition churned (n={churn.After.N.ToString("N0", Invariant)}; no comparable accounts to compare with)"
                : "";
        }
        var d = churn.DifferenceVsComparable;
        return $"after the transition {Percent(churn.CohortMatched.Value)} of their renewals churned against {Percent(churn.Comparable.Value)} "
               + $"for comparable {Kind(fromProducts)} accounts ({Points(d.Value)} points, {level} CI {Points(d.Lower)} to {Points(d.Upper)}; observational, not causal)";
    }

    static string ContactsPart(ContactsTransition contacts, string level)
    {
        var r = contacts.RelativeChange;
        if (!r.IsDefined) return "";
        var verb = r.Contains(0) || double.IsNaN(r.Lower) ? "changed by" : r.Value < 0 ? "fell" : "rose";
        var value = verb == "changed by" ? Signed(100 * r.Value, 0) + "%" : Number(Math.Abs(100 * r.Value), 0) + "%";
        var text = $"support tickets per quarter {verb} {value} ({level} CI {Signed(100 * r.Lower, 0)}% to {Signed(100 * r.Upper, 0)}%, "
                   + $"paired, n={r.N.ToString("N0", Invariant)})";
        if (contacts.CostToServe is { ExtraPerYear.IsDefined: true } cost)
        {
            var extra = cost.ExtraPerYear.Value;
            text += extra >= 0 ? $", {Money(extra)} a year more to serve" : $", {Money(-extra)} a year less to serve";
        }
        return text;
    }

    static string ArrPart(ArrExposure arr)
    {
        var share = double.IsNaN(arr.ShareOfTotalArr) ? "" : $" ({Percent(arr.ShareOfTotalArr, 0)} of the total)";
        return $"they hold {Money(arr.ArrNow.Value)} ARR now{share}";
    }

    static string Kind(int products) => products == 1 ? "single-product" : $"{products.ToString(Invariant)}-product";

    static string Ordinal(int n) => n switch
    {
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => n.ToString(Invariant) + "th",
    };

    static string Level(double confidenceLevel) => (confidenceLevel * 100).ToString("0.##", Invariant) + "%";

    /// <summary>Fixed decimals, with a real minus sign; rounded first so that −0.04 prints as 0.0, not −0.0.</summary>
    static string Number(double value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0;
        return rounded.ToString("F" + decimals.ToString(Invariant), Invariant).Replace("-", "\u2212", StringComparison.Ordinal);
    }

    static string Signed(double value, int decimals = 1) =>
        (Math.Round(value, decimals, MidpointRounding.AwayFromZero) > 0 ? "+" : "") + Number(value, decimals);

    static string Points(double rate) => Signed(100 * rate);

    static string Percent(double share, int decimals = 1) => Number(100 * share, decimals) + "%";

    /// <summary>Compact money: $1.2M, $48k, $950.</summary>
    public static string Money(double amount)
    {
        var sign = amount < 0 ? "\u2212" : "";
        var a = Math.Abs(amount);
        return sign + (a switch
        {
            >= 1e9 => "$" + (a / 1e9).ToString("0.0", Invariant) + "B",
            >= 1e6 => "$" + (a / 1e6).ToString("0.0", Invariant) + "M",
            >= 1e4 => "$" + (a / 1e3).ToString("0", Invariant) + "k",
            _ => "$" + a.ToString("#,0", Invariant),
        });
    }
}
