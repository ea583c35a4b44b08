using System.Globalization;
using Fulcrum.Data.Schema;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Analytics.Themes.Sentiment.Training;

/// <summary>
/// Where the training labels of `fulcrum sentiment train` come from: a response attribute holding a sentiment label per
/// comment (<c>rattr:NAME</c>), or weak labels from the score answered with the comment (<c>nps</c>: 0–6 negative,
/// 7–8 neutral, 9–10 positive; <c>csat</c> by its levels on the store's scale: on 1–5, 1–2 negative, 3 neutral, 4–5 positive).
/// </summary>
public sealed record SentimentLabelSource(SentimentLabelKind Kind, string? Attribute)
{
    /// <summary>CSAT's levels on the store's scale (<see cref="OnScaleOf"/>); null reads the default 1–5.</summary>
    public ScoreLevels? CsatLevels { get; init; }

    static readonly ScoreLevels DefaultCsat = new("csat", CanonicalSchema.DefaultCsatMin, CanonicalSchema.DefaultCsatMax);

    ScoreLevels Csat => CsatLevels ?? DefaultCsat;

    /// <summary>This source reading CSAT on <paramref name="store"/>'s scale (a mapping may declare e.g. 1–10).</summary>
    public SentimentLabelSource OnScaleOf(FulcrumStore store) => Kind == SentimentLabelKind.Csat ? this with { CsatLevels = ScoreLevels.Of(store, "csat") } : this;

    public static SentimentLabelSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("nps", StringComparison.OrdinalIgnoreCase)) return new(SentimentLabelKind.Nps, null);
        if (trimmed.Equals("csat", StringComparison.OrdinalIgnoreCase)) return new(SentimentLabelKind.Csat, null);
        if (trimmed.StartsWith("rattr:", StringComparison.OrdinalIgnoreCase) && trimmed.Length > 6)
            return new(SentimentLabelKind.ResponseAttribute, trimmed[6..]);
        throw new SentimentTrainingException($"Unknown label source '{text}'. Use rattr:NAME (a response attribute holding negative/neutral/positive), nps or csat (weak labels from the score answered with the comment).");
    }

    public override string ToString() => Kind switch
    {
        SentimentLabelKind.Nps => "nps",
        SentimentLabelKind.Csat => "csat",
        _ => "rattr:" + Attribute,
    };

    /// <summary>How a value of this source becomes a label, for reports.</summary>
    public string Description => Kind switch
    {
        SentimentLabelKind.Nps => "weak labels from NPS: 0–6 negative, 7–8 neutral, 9–10 positive",
        SentimentLabelKind.Csat => string.Create(CultureInfo.InvariantCulture,
            $"weak labels from CSAT ({Csat.Min:0.##}–{Csat.Max:0.##}): {Csat.Points(ScoreLevels.Unhappy)} negative, {Csat.Points(ScoreLevels.Middle)} neutral, {Csat.Points(ScoreLevels.Happy)} positive"),
        _ => $"response attribute '{Attribute}' (negative/neutral/positive and common variants)",
    };

    /// <summary>The label of one stored value, or null when the value cannot be mapped.</summary>
    public string? Map(string value) => Kind switch
    {
        SentimentLabelKind.Nps => FromScore(value, 0, 10, s => s <= 6 ? SentimentClasses.Negative : s <= 8 ? SentimentClasses.Neutral : SentimentClasses.Positive),
        SentimentLabelKind.Csat => FromScore(value, (int)Math.Ceiling(Csat.Min), (int)Math.Floor(Csat.Max),
            s => Csat.Level(s) switch { ScoreLevels.Unhappy => SentimentClasses.Negative, ScoreLevels.Middle => SentimentClasses.Neutral, _ => SentimentClasses.Positive }),
        _ => SentimentClasses.FromText(value),
    };

    static string? FromScore(string value, int lowest, int highest, Func<int, string> label) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
        && score == Math.Floor(score) && score >= lowest && score <= highest
            ? label((int)score)
            : null;
}

public enum SentimentLabelKind { ResponseAttribute, Nps, Csat }

/// <summary>Labels that cannot train a classifier (none, too few per class, values that are not labels); the message says which and what to do.</summary>
public sealed class SentimentTrainingException(string message) : Exception(message);
