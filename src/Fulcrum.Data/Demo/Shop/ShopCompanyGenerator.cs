using System.Globalization;
using System.Text.Json;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Demo.Shop;

public sealed record ShopGenerationResult(int Customers, long Orders, long Reviews, long Comments, long Refunds);

/// <summary>
/// Writes the synthetic shop (<see cref="ShopCompanyOptions"/>) into a store, replacing what it held: customers as accounts,
/// orders, and post-purchase reviews as responses (CSAT 1–5, no NPS or CES) with comments in the customers' languages.
/// Planted (<see cref="ShopModel"/>): a late delivery lowers CSAT, the CSAT an order earned drives whether the customer orders
/// again within 180 days, and dissatisfied orders are refunded more often. The ground_truth table holds planted and realized values.
/// </summary>
public static class ShopCompanyGenerator
{
    public const string RepeatByCsat = "shop_repeat_rate_by_csat";
    public const string RepeatOddsRatio = "shop_repeat_odds_dissatisfied_vs_satisfied";
    public const string LateDeliveryCsat = "shop_late_delivery_csat_shift";
    public const string RefundRate = "shop_dissatisfied_refund_rate";

    sealed record Order(string Id, string Customer, DateTime At, double Amount, bool Late, double? Refund);
    sealed record Review(string Id, string Customer, DateTime At, int Csat, string? Comment, string Language, string OrderId, bool Late);

    public static ShopGenerationResult Generate(FulcrumStore store, ShopCompanyOptions options)
    {
        options.Validate();
        store.Clear();
        var customers = new List<(string Id, string Region, DateOnly Since, string Language)>();
        var orders = new List<Order>();
        var reviews = new List<Review>();
        var tally = new Tally();
        for (var c = 0; c < options.Customers; c++) Simulate(options, c, customers, orders, reviews, tally);

        Write(store, "accounts", customers, c => [c.Id, c.Id, "Consumer", c.Region, "Retail", c.Since, null, $"{{\"language\":\"{c.Language}\"}}"]);
        Write(store, "orders", orders,
            o => [o.Id, o.Customer, o.At, Math.Round(o.Amount, 2), "delivered", o.Refund, $"{{\"delivery\":\"{(o.Late ? "late" : "on_time")}\"}}"]);
        Write(store, "responses", reviews, r => [r.Id, r.Customer, null, "Post-purchase review", "email", r.At, null, (double)r.Csat, null, r.Comment,
            $"{{\"order_id\":\"{r.OrderId}\",\"language\":\"{r.Language}\",\"delivery\":\"{(r.Late ? "late" : "on_time")}\"}}"]);

        using var transaction = store.BeginTransaction();
        foreach (var effect in tally.Effects())
            store.Execute("""
                INSERT INTO ground_truth (effect_id, description, metric, nominal, realized, unit, detail)
                VALUES ($EffectId, $Description, $Metric, $Nominal, $Realized, $Unit, $Detail)
                """, effect, transaction);
        store.SetMetadata("generated_by", $"fulcrum shop generator: {options.Customers:N0} customers, {options.Years} years, seed {options.Seed}", transaction);
        store.SetMetadata("generator_options", JsonSerializer.Serialize(options), transaction);
        store.BumpDataVersion(transaction);
        transaction.Commit();
        return new ShopGenerationResult(customers.Count, orders.Count, reviews.Count, reviews.Count(r => r.Comment is not null), orders.Count(o => o.Refund is not null));
    }

    static readonly string[] Regions = ["SP", "RJ", "MG", "RS", "PR", "BA"];

    static void Simulate(ShopCompanyOptions options, int index, List<(string, string, DateOnly, string)> customers, List<Order> orders, List<Review> reviews, Tally tally)
    {
        var rng = DeterministicRandom.Create((ulong)options.Seed, $"shop-customer-{index}");
        var id = $"C{index + 1:D6}";
        var language = PickLanguage(rng, options.LanguageWeights);
        var region = Regions[rng.Next(Regions.Length)];
        var mood = Sampling.Normal(rng, 0, 0.6);
        var start = ShopCompanyOptions.PeriodStart.ToDateTime(TimeOnly.MinValue);
        var end = options.PeriodEnd.ToDateTime(TimeOnly.MinValue);
        var at = start.AddDays(rng.NextDouble() * ((end - start).TotalDays - 30));
        customers.Add((id, region, DateOnly.FromDateTime(at), language));
        for (var n = 1; at <= end; n++)
        {
            var late = Sampling.Chance(rng, ShopModel.LateDeliveryChance);
            var csat = Math.Clamp((int)Math.Round(4.1 + mood + (late ? ShopModel.LateDeliveryCsatShift : 0) + Sampling.Normal(rng, 0, 0.8)), 1, 5);
            var category = ShopModel.Category(csat);
            var amount = Sampling.LogNormal(rng, ShopModel.MedianOrderValue, 0.6);
            var refunded = Sampling.Chance(rng, category == 0 ? ShopModel.DissatisfiedRefundRate : ShopModel.OtherRefundRate);
            var orderId = $"{id}-O{n:D3}";
            orders.Add(new Order(orderId, id, at, amount, late, refunded ? Math.Round(amount, 2) : null));
            // A review comes 8–20 days after the order; one that would fall after the period is not written.
            var reviewedAt = at.AddDays(8 + rng.Next(12)).AddMinutes(rng.Next(1440));
            var reviewed = Sampling.Chance(rng, ShopModel.ReviewChance) && reviewedAt <= end;
            if (reviewed)
            {
                var comment = Sampling.Chance(rng, ShopModel.CommentChance) ? ShopComments.Pick(rng, language, ShopComments.TopicFor(rng, csat, late)) : null;
                reviews.Add(new Review($"R-{orderId}", id, reviewedAt, csat, comment, language, orderId, late));
                tally.Review(csat, late, refunded);
            }
            var repeats = Sampling.Chance(rng, ShopModel.RepeatRate[category]);
            var next = at.AddDays(10 + rng.NextDouble() * (ShopModel.RepeatWindowDays - 10));
            if (reviewed && at.AddDays(ShopModel.RepeatWindowDays) <= end) tally.Outcome(category, repeats && next <= end);
            if (!repeats) break;
            at = next;
        }
    }

    static string PickLanguage(Random rng, IReadOnlyDictionary<string, double> weights)
    {
        var u = rng.NextDouble() * weights.Values.Sum();
        foreach (var (language, weight) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
            if ((u -= weight) <= 0) return language;
        return weights.Keys.Max(StringComparer.Ordinal)!;
    }

    /// <summary>The store's bulk path (DuckDB appender, PostgreSQL COPY), every column in the table's order.</summary>
    static void Write<T>(FulcrumStore store, string table, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        using var writer = store.BulkWriter(table);
        foreach (var row in rows) writer.Row(values(row));
    }

    sealed class Tally
    {
        readonly long[] _orders = new long[3], _repeats = new long[3];
        long _late, _onTime;
        double _lateCsat, _onTimeCsat;
        long _dissatisfied, _dissatisfiedRefunds;

        public void Review(int csat, bool late, bool refunded)
        {
            if (late) { _late++; _lateCsat += csat; } else { _onTime++; _onTimeCsat += csat; }
            if (csat <= 2) { _dissatisfied++; if (refunded) _dissatisfiedRefunds++; }
        }

        public void Outcome(int category, bool repeated)
        {
            _orders[category]++;
            if (repeated) _repeats[category]++;
        }

        static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;

        public IEnumerable<GroundTruthEffect> Effects()
        {
            var rates = Enumerable.Range(0, 3).Select(c => Ratio(_repeats[c], _orders[c])).ToArray();
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"reviewed orders with {ShopModel.RepeatWindowDays} days of follow-up: dissatisfied (1-2) {_repeats[0]:N0}/{_orders[0]:N0}, neutral (3) {_repeats[1]:N0}/{_orders[1]:N0}, satisfied (4-5) {_repeats[2]:N0}/{_orders[2]:N0}");
            yield return new(RepeatByCsat, $"Customers order again within {ShopModel.RepeatWindowDays} days less often after a dissatisfied order: satisfied minus dissatisfied repeat rate.",
                "repeat_rate_difference", ShopModel.RepeatRate[2] - ShopModel.RepeatRate[0], rates[2] - rates[0], "share", detail);
            static double Odds(double p) => p / (1 - p);
            yield return new(RepeatOddsRatio, "Odds of a repeat purchase after a dissatisfied (CSAT 1-2) vs a satisfied (4-5) order.", "odds_ratio",
                Odds(ShopModel.RepeatRate[0]) / Odds(ShopModel.RepeatRate[2]), Odds(rates[0]) / Odds(rates[2]), "ratio", detail);
            yield return new(LateDeliveryCsat, "A late delivery lowers the order's CSAT.", "csat_points", ShopModel.LateDeliveryCsatShift,
                Ratio(_lateCsat, _late) - Ratio(_onTimeCsat, _onTime), "CSAT points",
                string.Create(CultureInfo.InvariantCulture, $"mean CSAT late {Ratio(_lateCsat, _late):F2} (n={_late:N0}) vs on time {Ratio(_onTimeCsat, _onTime):F2} (n={_onTime:N0}); CSAT is rounded and capped at 1-5"));
            yield return new(RefundRate, "Dissatisfied orders are refunded more often.", "refund_rate", ShopModel.DissatisfiedRefundRate,
                Ratio(_dissatisfiedRefunds, _dissatisfied), "share", string.Create(CultureInfo.InvariantCulture, $"{_dissatisfiedRefunds:N0} of {_dissatisfied:N0} reviewed dissatisfied orders; others {ShopModel.OtherRefundRate:P0}"));
        }
    }
}
