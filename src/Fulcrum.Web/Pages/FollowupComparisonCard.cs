using Fulcrum.Analytics.Value.ClosedLoop;

namespace Fulcrum.Web.Pages;

/// <summary>
/// A closed-loop comparison (later score, churn or repeat purchase) as a dashboard card: the difference closed − not closed
/// with its interval and n, or, where the store cannot support it, no figure and the reason.
/// </summary>
public sealed record FollowupComparisonCard(string Label, string? Value, string Detail)
{
    public static FollowupComparisonCard Of(FollowupComparison c)
    {
        var label = $"{char.ToUpperInvariant(c.Measure[0])}{c.Measure[1..]}, closed vs not";
        if (c.Missing is { } missing) return new(label, null, missing);
        var d = c.Difference.Difference;
        if (!d.IsDefined) return new(label, null, $"Not measurable yet: {d.Method}.");
        // Shares as percentage points; CSAT and CES move in hundredths, NPS in tenths.
        var (scale, decimals, unit) = c.IsShare ? (100.0, 1, " pts") : c.Unit.StartsWith("NPS", StringComparison.Ordinal) ? (1.0, 1, "") : (1.0, 2, "");
        var scaled = d with { Value = d.Value * scale, Lower = d.Lower * scale, Upper = d.Upper * scale };
        return new(label, Format.Signed(scaled.Value, decimals) + unit, $"{Format.Interval(scaled, decimals)} · n = {d.N:N0} · {c.Unit}");
    }
}
