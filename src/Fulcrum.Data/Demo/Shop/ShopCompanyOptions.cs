namespace Fulcrum.Data.Demo.Shop;

/// <summary>
/// A synthetic online shop: customers who buy by order (no subscriptions, renewals or tickets) and review some orders
/// with a 1–5 CSAT and a comment. Same options → same data, row for row.
/// </summary>
/// <param name="Languages">Comment languages and their weights (each customer writes in one): "en", "pt", "es".</param>
public sealed record ShopCompanyOptions(int Customers = 3_000, int Years = 2, int Seed = 42, IReadOnlyDictionary<string, double>? Languages = null)
{
    public static readonly DateOnly PeriodStart = new(2023, 1, 1);
    public static readonly IReadOnlyList<string> SupportedLanguages = ["en", "pt", "es"];

    public DateOnly PeriodEnd => PeriodStart.AddYears(Years).AddDays(-1);

    public IReadOnlyDictionary<string, double> LanguageWeights => Languages ?? new Dictionary<string, double> { ["en"] = 1 };

    public void Validate()
    {
        if (Customers is < 50 or > 2_000_000) throw new ArgumentOutOfRangeException(nameof(Customers), Customers, "customers must be between 50 and 2,000,000.");
        if (Years is < 1 or > 10) throw new ArgumentOutOfRangeException(nameof(Years), Years, "years must be between 1 and 10.");
        foreach (var (language, weight) in LanguageWeights)
        {
            if (!SupportedLanguages.Contains(language)) throw new ArgumentException($"Unknown comment language '{language}'. Use {string.Join(", ", SupportedLanguages)}.");
            if (!(weight > 0)) throw new ArgumentException($"The weight of language '{language}' must be positive.");
        }
    }
}

/// <summary>The shop's planted behaviour (what the analyses should recover).</summary>
public static class ShopModel
{
    /// <summary>Days after an order within which a further order counts as a repeat purchase.</summary>
    public const int RepeatWindowDays = 180;

    /// <summary>Probability of ordering again within <see cref="RepeatWindowDays"/> after an order, by the CSAT that order earned: dissatisfied (1–2), neutral (3), satisfied (4–5).</summary>
    public static readonly double[] RepeatRate = [0.18, 0.35, 0.50];

    /// <summary>CSAT points a late delivery costs.</summary>
    public const double LateDeliveryCsatShift = -1.6;

    public const double LateDeliveryChance = 0.18;
    public const double ReviewChance = 0.65;
    public const double CommentChance = 0.6;

    /// <summary>Share of dissatisfied orders refunded in full (others: <see cref="OtherRefundRate"/>).</summary>
    public const double DissatisfiedRefundRate = 0.35;
    public const double OtherRefundRate = 0.02;

    public const double MedianOrderValue = 60;

    public static int Category(int csat) => csat <= 2 ? 0 : csat == 3 ? 1 : 2;
}
