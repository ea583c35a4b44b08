using System.Globalization;
using System.Text;

namespace Fulcrum.Tests.Shared;

/// <summary>
/// A small synthetic marketplace export in the shape of the public Brazilian e-commerce (Olist) files, written by the test:
/// a customer id per order beside the real customer's unique id, orders, several payment rows per order, and reviews whose
/// review_id an order may share with another, with Portuguese comments holding newlines. Its values are known, so a test
/// can check what an import made of them; no public data is copied.
/// </summary>
public sealed class OlistShapedFiles
{
    public const string Customers = "olist_customers_dataset.csv";
    public const string Orders = "olist_orders_dataset.csv";
    public const string Payments = "olist_order_payments_dataset.csv";
    public const string Reviews = "olist_order_reviews_dataset.csv";

    /// <param name="CustomerId">Issued per order, as in the real export.</param>
    /// <param name="UniqueId">The real customer, the same on all of their orders.</param>
    public sealed record Order(string Id, string CustomerId, string UniqueId, string Zip, string City, string State, string Status,
        DateTime PurchasedAt, DateTime? DeliveredAt, DateTime EstimatedAt);

    public sealed record Payment(string OrderId, int Sequence, string Type, int Installments, decimal Value);

    public sealed record Review(string Id, string OrderId, int Score, string? Title, string? Message, DateTime CreatedAt, DateTime AnsweredAt);

    static readonly (string City, string State)[] Places = [("sao paulo", "SP"), ("rio de janeiro", "RJ"), ("belo horizonte", "MG"), ("curitiba", "PR")];

    static readonly string[] Messages =
    [
        "Produto chegou antes do prazo, recomendo!",
        "Não recebi o produto.\nJá faz duas semanas e ninguém responde.",
        "Razoável.\r\nA embalagem veio amassada, mas o produto \"funciona\".",
        "Ótimo vendedor, entrega rápida",
    ];

    public List<Order> OrderRows { get; } = [];
    public List<Payment> PaymentRows { get; } = [];
    public List<Review> ReviewRows { get; } = [];

    /// <summary>Every unique customer, each with at least one order.</summary>
    public IReadOnlyList<string> UniqueCustomers => OrderRows.Select(o => o.UniqueId).Distinct().ToList();

    /// <param name="customers">Real customers; every third orders three times, and one of those moves to another state.</param>
    public static OlistShapedFiles Generate(int customers = 24, int seed = 7)
    {
        var random = new Random(seed);
        var export = new OlistShapedFiles();
        var start = new DateTime(2017, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < customers; c++)
        {
            var unique = Hex("u", c);
            var place = Places[c % Places.Length];
            for (var n = 0; n < (c % 3 == 0 ? 3 : 1); n++)
            {
                if (c == 0 && n == 2) place = Places[(c + 1) % Places.Length];
                var i = export.OrderRows.Count;
                var purchased = start.AddDays(random.Next(0, 400)).AddSeconds(random.Next(0, 86_400));
                var estimated = purchased.Date.AddDays(random.Next(15, 30));
                var canceled = i % 11 == 5;
                var delivered = canceled ? (DateTime?)null : purchased.AddDays(random.Next(3, 35));
                var order = new Order(Hex("o", i), Hex("c", i), unique, $"{1000 + 37 * c:D5}", place.City, place.State,
                    canceled ? "canceled" : "delivered", purchased, delivered, estimated);
                export.OrderRows.Add(order);
                var total = random.Next(2_000, 40_000) / 100m;
                if (i % 4 == 1)
                {
                    // A voucher and a card: two payment rows for one order.
                    var voucher = Math.Round(total * 0.3m, 2);
                    export.PaymentRows.Add(new Payment(order.Id, 1, "voucher", 1, voucher));
                    export.PaymentRows.Add(new Payment(order.Id, 2, "credit_card", random.Next(1, 10), total - voucher));
                }
                else export.PaymentRows.Add(new Payment(order.Id, 1, i % 3 == 0 ? "boleto" : "credit_card", random.Next(1, 10), total));
                var created = (delivered ?? estimated).Date.AddDays(1);
                // As in the real export, a review id may be reused for the next order, and an order may be reviewed twice.
                var reviewId = i % 9 == 4 ? export.ReviewRows[^1].Id : Hex("r", i);
                export.ReviewRows.Add(new Review(reviewId, order.Id, 1 + random.Next(5), i % 5 == 0 ? "recomendo" : null,
                    i % 2 == 0 ? Messages[i / 2 % Messages.Length] : null, created, created.AddDays(1).AddHours(3)));
                if (i % 13 == 6)
                    export.ReviewRows.Add(new Review(Hex("r2", i), order.Id, 2, null, "Segunda avaliação, mesmo pedido", created.AddDays(5), created.AddDays(6)));
            }
        }
        // Payments arrive by payment, not by order: an order's rows are apart in the file.
        var shuffled = export.PaymentRows.OrderBy(_ => random.Next()).ToList();
        export.PaymentRows.Clear();
        export.PaymentRows.AddRange(shuffled);
        return export;
    }

    public void WriteTo(string folder)
    {
        Write(folder, Customers, "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state",
            OrderRows.Select(o => Row(o.CustomerId, o.UniqueId, o.Zip, o.City, o.State)));
        Write(folder, Orders, "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_customer_date,order_estimated_delivery_date",
            OrderRows.Select(o => Row(o.Id, o.CustomerId, o.Status, Time(o.PurchasedAt), Time(o.PurchasedAt.AddHours(2)), Time(o.DeliveredAt), Time(o.EstimatedAt))));
        Write(folder, Payments, "order_id,payment_sequential,payment_type,payment_installments,payment_value",
            PaymentRows.Select(p => Row(p.OrderId, p.Sequence.ToString(CultureInfo.InvariantCulture), p.Type,
                p.Installments.ToString(CultureInfo.InvariantCulture), p.Value.ToString("0.00", CultureInfo.InvariantCulture))));
        Write(folder, Reviews, "review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,review_answer_timestamp",
            ReviewRows.Select(r => Row(r.Id, r.OrderId, r.Score.ToString(CultureInfo.InvariantCulture), r.Title, r.Message, Time(r.CreatedAt), Time(r.AnsweredAt))));
    }

    /// <summary>A 32-digit hex id like the export's, from a tag and a number.</summary>
    static string Hex(string tag, int n) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{tag}|{n}")))[..32];

    static string? Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A CSV row: values with a comma, quote or line break quoted, quotes doubled.</summary>
    static string Row(params string?[] values) => string.Join(",", values.Select(v =>
        v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v));

    static void Write(string folder, string name, string header, IEnumerable<string> rows) =>
        File.WriteAllText(Path.Combine(folder, name), string.Join("\n", rows.Prepend(header)) + "\n", new UTF8Encoding(false));
}
