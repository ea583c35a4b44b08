using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// How raw account state becomes model levels. Survey metrics are the account's means over the year before; NPS is
/// categorized as the planted and the usual practice do (the category of the rounded mean score). CSAT's levels are the
/// points of the store's scale (<see cref="CsatPoints"/>).
/// </summary>
internal static class LinkageFactors
{
    public const string NoAnswer = "no answer";
    public const string Nps = "nps", Csat = "csat", Ces = "ces", Segment = "segment", Tenure = "tenure", Products = "products", Size = "arr";
    public const string Detractor = "detractor", Passive = "passive", Promoter = "promoter";

    public static readonly string[] NpsLevels = [Detractor, Passive, Promoter, NoAnswer];
    public static readonly string[] TenureLevels = ["<1y", "1–2y", "2–3y", "3y+"];
    public static readonly string[] ProductLevels = ["1", "2", "3+"];

    public static string NpsLevel(double? mean) => NpsLevels[NpsLevelIndex(mean)];

    /// <summary>Index of <see cref="NpsLevel"/> in <see cref="NpsLevels"/>.</summary>
    public static int NpsLevelIndex(double? mean) => mean is not { } m ? 3 : NpsEstimator.Classify(RoundScore(m)) switch
    {
        NpsCategory.Detractor => 0,
        NpsCategory.Passive => 1,
        _ => 2,
    };

    /// <summary>Index into <see cref="TenureLevels"/> of a tenure in months.</summary>
    public static int TenureLevelIndex(int months) => months < 12 ? 0 : months < 24 ? 1 : months < 36 ? 2 : 3;

    /// <summary>Index into <see cref="ProductLevels"/> of a number of products held.</summary>
    public static int ProductLevelIndex(int products) => products <= 1 ? 0 : products == 2 ? 1 : 2;

    static int RoundScore(double mean) => (int)Math.Round(mean, MidpointRounding.AwayFromZero);

    /// <summary>Quartile cut points of ARR, so "size" means the same in every model and in the book.</summary>
    public static double[] SizeCuts(IEnumerable<double> arr)
    {
        // Array.Sort, not OrderBy: a hundred thousand renewals sort in a fraction of the time.
        var sorted = arr.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
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
