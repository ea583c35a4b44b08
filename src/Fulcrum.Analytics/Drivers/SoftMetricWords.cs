using System.Globalization;
using Fulcrum.Analytics.Linkage.UserModels;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// States a soft metric's effect on a hard outcome in words: "Higher satisfaction (CSAT) goes with *more* churn here — check
/// how the survey was sampled". A reader of a coefficient table easily misses a sign that runs the wrong way; a sentence does not.
/// </summary>
internal static class SoftMetricWords
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>What each soft metric is called in a sentence, and whether its higher end is the good one for the customer.</summary>
    static readonly Dictionary<string, (string Words, bool HigherIsBetter)> Metrics = new(StringComparer.Ordinal)
    {
        ["nps"] = ("likelihood to recommend (the 0–10 NPS answer)", true),
        ["csat"] = ("satisfaction (CSAT)", true),
        ["ces"] = ("effort (CES, higher = more effort)", false),
    };

    public static bool Describes(string term) => Metrics.ContainsKey(term);

    public static SoftMetricDirection Direction(ModelCoefficient c, ModelOutcome outcome)
    {
        var (words, higherIsBetter) = Metrics[c.Term];
        var noun = outcome switch
        {
            ModelOutcome.Churn => "churn",
            ModelOutcome.Repeat => "repeat purchase",
            ModelOutcome.Revenue => "revenue per customer",
            ModelOutcome.Expansion => "expansion",
            _ => "support tickets",
        };
        if (c.Withheld is { } reason)
            return new SoftMetricDirection(c.Term, 0, false, $"{Capital(words)}: no direction can be stated ({reason}).");

        var effect = Effect(c);
        var lower = outcome is ModelOutcome.Churn or ModelOutcome.Tickets;
        var clear = c.Coefficient.Lower > 0 || c.Coefficient.Upper < 0;
        var sign = Math.Sign(c.Coefficient.Value);
        if (!clear)
            return new SoftMetricDirection(c.Term, 0, false,
                $"Higher {words} shows no clear link with {noun} here: the interval includes no effect ({effect}).");

        var more = sign > 0 ? "more" : "less";
        // Good for the customer and good for the business should go together: a better score with less churn, more repeat purchase, more revenue.
        var expected = (sign > 0) == (higherIsBetter != lower);
        var statement = $"Higher {words} goes with *{more}* {noun} here ({effect})";
        statement += expected
            ? "."
            : " — not what one would expect: check how the survey was sampled (who was asked, who answered and when) and whether something else drives both.";
        return new SoftMetricDirection(c.Term, sign, !expected, statement);
    }

    static string Effect(ModelCoefficient c)
    {
        var level = $"{c.Coefficient.ConfidenceLevel * 100:0}% CI";
        return c.Ratio is { } ratio
            ? string.Create(C, $"odds ratio {ratio.Value:0.00} per point, {level} {ratio.Lower:0.00}–{ratio.Upper:0.00}")
            : string.Create(C, $"{c.Coefficient.Value:+#,0.##;-#,0.##;0} per point, {level} {c.Coefficient.Lower:#,0.##} to {c.Coefficient.Upper:#,0.##}");
    }

    static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
