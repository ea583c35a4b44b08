namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>Sentiment of a text: compound score in [−1, 1] and its label (negative ≤ −0.05 &lt; neutral &lt; 0.05 ≤ positive).</summary>
public readonly record struct SentimentScore(double Compound)
{
    public const double Threshold = 0.05;

    public string Label => Compound >= Threshold ? "positive" : Compound <= -Threshold ? "negative" : "neutral";
}
