using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// How raw account state becomes model levels. Survey metrics are the account's means over the year before; NPS is
/// categorized as the planted and the usual practice do (the category of the rounded mean score).
/// </summary>
internal static class LinkageFactors
{
    public const string NoAnswer = "no answer";
    public const string Nps = "nps", Csat = "csat", Ces = "ces", Segment = "segment", Tenure = "tenure", Products = "products", Size = "arr";
    public const string Detractor = "detractor", Passive = "passive", Promoter = "promoter";

    public static readonly string[] NpsLevels = [Detractor, Passive, Promoter, NoAnswer];
    public static readonly string[] CsatLevels = ["1", "2", "3", "4", "5", NoAnswer];
    public static readonly string[] TenureLevels = ["<1y", "1–2y", "2–3y", "3y+"];
    public static readonly string[] ProductLevels = ["1", "2", "3+"];

    public static string NpsLevel(double? mean) => mean is not { } m ? NoAnswer : NpsEstimator.Classify(RoundScore(m)) switch
    {
        NpsCategory.Detractor => Detractor,
        NpsCategory.Passive => Passive,
        _ => Promoter,
    };

    public static string CsatLevel(double? mean) => mean is not { } m ? NoAnswer : Math.Clamp(RoundScore(m), 1, 5).ToString(System.Globalization.CultureInfo.InvariantCulture);


    public static string TenureLevel(int months) => months < 12 ? "<1y" : months < 24 ? "1–2y" : months < 36 ? "2–3y" : "3y+";

    public static string ProductLevel(int products) => products <= 1 ? "1" : products == 2 ? "2" : "3+";

    static int RoundScore(double mean) => (int)Math.Round(mean, MidpointRounding.AwayFromZero);

    /// <summary>Quartile cut points of ARR, so "size" means the same in every model and in the book.</summary>
    public static double[] SizeCuts(IEnumerable<double> arr)
    {
        var sorted = arr.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length < 8) return [];
        return [Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75)];
    }

    public static string[] SizeLevels(double[] cuts) => cuts.Length == 0
        ? ["all"]
        : [$"<{Money(cuts[0])}", $"{Money(cuts[0])}–{Money(cuts[1])}", $"{Money(cuts[1])}–{Money(cuts[2])}", $"≥{Money(cuts[2])}"];

    public static int SizeLevel(double[] cuts, double arr)
    {
        var level = 0;
        foreach (var cut in cuts)
            if (arr >= cut) level++;
        return level;
    }

    static double Quantile(double[] sorted, double q) => sorted[(int)Math.Clamp(Math.Floor(q * (sorted.Length - 1)), 0, sorted.Length - 1)];

    static string Money(double v) => v >= 1e6 ? $"${v / 1e6:0.#}M" : v >= 1e3 ? $"${v / 1e3:0.#}k" : $"${v:0}";
}
