using System.Collections.Frozen;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>The three sentiment classes and the label strings that mean each (case and surrounding spaces ignored).</summary>
public static class SentimentClasses
{
    public const string Negative = "negative", Neutral = "neutral", Positive = "positive";

    /// <summary>In the order the classifier's probabilities are reported.</summary>
    public static readonly IReadOnlyList<string> All = [Negative, Neutral, Positive];

    static readonly FrozenDictionary<string, string> Variants = new Dictionary<string, string>
    {
        [Negative] = Negative, ["neg"] = Negative, ["-1"] = Negative, ["-"] = Negative, ["bad"] = Negative, ["detractor"] = Negative,
        ["unhappy"] = Negative, ["dissatisfied"] = Negative, ["unsatisfied"] = Negative, ["complaint"] = Negative,
        [Neutral] = Neutral, ["neu"] = Neutral, ["neut"] = Neutral, ["0"] = Neutral, ["mixed"] = Neutral, ["passive"] = Neutral,
        ["ok"] = Neutral, ["okay"] = Neutral, ["indifferent"] = Neutral,
        [Positive] = Positive, ["pos"] = Positive, ["1"] = Positive, ["+1"] = Positive, ["+"] = Positive, ["good"] = Positive,
        ["promoter"] = Positive, ["happy"] = Positive, ["satisfied"] = Positive, ["praise"] = Positive,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The class a label string means, or null when it is not one of the known variants.</summary>
    public static string? FromText(string value) => Variants.GetValueOrDefault(value.Trim());

    /// <summary>The accepted label strings, for error messages.</summary>
    public static string AcceptedValues => string.Join(", ", All.Select(c => $"{c} ({string.Join("/", Variants.Where(v => v.Value == c && v.Key != c).Select(v => v.Key).Order(StringComparer.Ordinal))})"));
}
