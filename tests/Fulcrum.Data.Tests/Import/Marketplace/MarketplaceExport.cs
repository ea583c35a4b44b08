using System.Globalization;
using System.Text;

namespace Fulcrum.Data.Tests.Import.Marketplace;

/// <summary>
/// A small marketplace export laid out like the public Brazilian e-commerce data sets (customers, orders, payments with
/// several rows per order, reviews scored 1–5 with Portuguese comments), generated from a seed so a test knows every value.
/// </summary>
internal sealed class MarketplaceExport
{
    public sealed record Customer(string Id, string City, string State);
    public sealed record Order(string Id, string CustomerId, string Status, DateTime PurchasedAt, DateTime? DeliveredAt, DateTime EstimatedAt);
    public sealed record Payment(string OrderId, int Sequence, string Type, int Installments, decimal Value);
    public sealed record Review(string Id, string OrderId, int Score, string? Comment, DateTime CreatedAt);

    static readonly (string City, string State)[] Places =
        [("sao paulo", "SP"), ("rio de janeiro", "RJ"), ("belo horizonte", "MG"), ("curitiba", "PR"), ("porto alegre", "RS"), ("goiania", "GO")];

    static readonly string[] Comments =
    [
        "Produto chegou antes do prazo, recomendo",
        "Não recebi o produto até agora",
        "nao recebi o produto ate agora",
        "Muito ruim, nunca mais compro nessa loja",
        "Ótimo vendedor, entrega rápida",
        "Veio com defeito e o atendimento não respondeu",
        "Super recomendo!",
        "Não recomendo, qualidade péssima",
    ];

    static readonly string[] PaymentTypes = ["credit_card", "boleto", "voucher", "debit_card"];

    public List<Customer> Customers { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<Payment> Payments { get; } = [];
    public List<Review> Reviews { get; } = [];

    public static MarketplaceExport Generate(int seed, int customers)
    {
        var random = new Random(seed);
        var export = new MarketplaceExport();
        var start = new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var c = 1; c <= customers; c++)
        {
            var place = Places[random.Next(Places.Length)];
            var customer = new Customer($"c{c:D4}", place.City, place.State);
            export.Customers.Add(customer);
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                var purchased = start.AddDays(random.Next(0, 600)).AddSeconds(random.Next(0, 86_400));
                var estimated = purchased.Date.AddDays(random.Next(10, 30));
                var delivered = random.NextDouble() < 0.9 ? purchased.AddDays(random.Next(2, 40)).AddMinutes(random.Next(0, 1440)) : (DateTime?)null;
                var order = new Order($"o{export.Orders.Count + 1:D5}", customer.Id, delivered is null ? "shipped" : "delivered", purchased, delivered, estimated);
                export.Orders.Add(order);
                var payments = random.Next(1, 4);
                for (var p = 1; p <= payments; p++)
                    export.Payments.Add(new Payment(order.Id, p, PaymentTypes[random.Next(PaymentTypes.Length)], random.Next(1, 11),
                        random.Next(50, 40_000) / 100m));
                if (random.NextDouble() < 0.85)
                {
                    var score = random.Next(1, 6);
                    var comment = random.NextDouble() < 0.6 ? Comments[random.Next(Comments.Length)] : null;
                    export.Reviews.Add(new Review($"r{export.Reviews.Count + 1:D5}", order.Id, score, comment, (delivered ?? estimated).Date.AddDays(1)));
                }
            }
        }
        // Payments arrive in the file by payment, not by order: a group's rows are spread over it.
        var shuffled = export.Payments.OrderBy(_ => random.Next()).ToList();
        export.Payments.Clear();
        export.Payments.AddRange(shuffled);
        return export;
    }

    public void WriteTo(string folder)
    {
        Write(folder, "customers.csv", "customer_id,customer_city,customer_state",
            Customers.Select(c => $"{c.Id},{c.City},{c.State}"));
        Write(folder, "orders.csv", "order_id,customer_id,order_status,order_purchase_timestamp,order_delivered_customer_date,order_estimated_delivery_date",
            Orders.Select(o => $"{o.Id},{o.CustomerId},{o.Status},{Time(o.PurchasedAt)},{(o.DeliveredAt is { } d ? Time(d) : "")},{Time(o.EstimatedAt)}"));
        Write(folder, "order_payments.csv", "order_id,payment_sequential,payment_type,payment_installments,payment_value",
            Payments.Select(p => $"{p.OrderId},{p.Sequence},{p.Type},{p.Installments},{p.Value.ToString("0.00", CultureInfo.InvariantCulture)}"));
        Write(folder, "order_reviews.csv", "review_id,order_id,review_score,review_comment_message,review_creation_date",
            Reviews.Select(r => $"{r.Id},{r.OrderId},{r.Score},\"{r.Comment}\",{Time(r.CreatedAt)}"));
    }

    static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    static void Write(string folder, string name, string header, IEnumerable<string> lines) =>
        File.WriteAllText(Path.Combine(folder, name), string.Join("\n", lines.Prepend(header)) + "\n", new UTF8Encoding(false));
}
