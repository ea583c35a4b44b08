using System.Text.Json.Serialization;

namespace Fulcrum.Analytics.Drivers;

/// <summary>Which end of a driver's scale is good for the customer (performance is oriented so that 100 is the good end).</summary>
public enum GoodDirection
{
    /// <summary>More is better (satisfaction, a sub-score).</summary>
    Higher,

    /// <summary>Less is better (effort, tickets, handle time, reopens).</summary>
    Lower,

    /// <summary>No inherent direction (products held, tenure, an attribute): the end that goes with a higher outcome counts as good.</summary>
    WithOutcome,
}

/// <summary>
/// A numeric variable a key-driver analysis can use as outcome or predictor: its name, what it means, its SQL over the
/// driver rows (alias f = facts_responses, p = the account's quarter in facts_account_periods_quarter, tc = its tickets'
/// contacts), the good direction, and its scale when the survey fixes one.
/// </summary>
public sealed record DriverVariable(string Name, string Description, [property: JsonIgnore] string Sql, GoodDirection Direction, double? ScaleMin = null, double? ScaleMax = null)
{
    /// <summary>Built-in variables. nps is the 0–10 likelihood-to-recommend score (the regression needs the score, not the −100..100 index).</summary>
    public static readonly IReadOnlyList<DriverVariable> BuiltIn =
    [
        new("nps", "Likelihood to recommend, the 0–10 NPS answer", "CAST(f.nps AS DOUBLE PRECISION)", GoodDirection.Higher, 0, 10),
        new("csat", "Customer satisfaction answer", "CAST(f.csat AS DOUBLE PRECISION)", GoodDirection.Higher, 1, 5),
        new("ces", "Customer effort answer (higher = more effort)", "CAST(f.ces AS DOUBLE PRECISION)", GoodDirection.Lower, 1, 7),
        new("tickets", "Support tickets the account opened in the quarter of the answer", "CAST(p.tickets AS DOUBLE PRECISION)", GoodDirection.Lower),
        new("contacts", "Contacts per ticket, mean over the account's tickets of that quarter", "tc.contacts", GoodDirection.Lower),
        new("handle_minutes", "Agent handle minutes per ticket, mean over the account's tickets of that quarter",
            "CASE WHEN p.handled_tickets > 0 THEN CAST(p.handle_minutes AS DOUBLE PRECISION) / p.handled_tickets END", GoodDirection.Lower),
        new("reopen_rate", "Share of the account's tickets of that quarter that were reopened",
            "CASE WHEN p.tickets > 0 THEN CAST(p.reopened AS DOUBLE PRECISION) / p.tickets END", GoodDirection.Lower, 0, 1),
        new("first_contact_resolution", "Share of the account's tickets of that quarter resolved in one contact",
            "CASE WHEN p.tickets > 0 THEN CAST(p.first_contact_resolved AS DOUBLE PRECISION) / p.tickets END", GoodDirection.Higher, 0, 1),
        new("products", "Products the account held when it answered", "CAST(f.products AS DOUBLE PRECISION)", GoodDirection.WithOutcome),
        new("managers", "Account managers across the products held", "CAST(f.managers AS DOUBLE PRECISION)", GoodDirection.WithOutcome),
        new("tenure_months", "Months as a customer when it answered", "CAST(f.tenure_months AS DOUBLE PRECISION)", GoodDirection.WithOutcome),
        new("arr", "ARR held when it answered", "CAST(f.arr AS DOUBLE PRECISION)", GoodDirection.WithOutcome),
        new("log_arr", "Natural log of the ARR held when it answered (accounts with ARR)", "CASE WHEN f.arr > 0 THEN LN(f.arr) END", GoodDirection.WithOutcome),
    ];

    /// <summary>Outcomes <c>fulcrum drivers --outcome</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["nps", "csat"];

    /// <summary>
    /// Predictors tried when the user names none (in this order), each kept only if the data has it: every numeric response
    /// attribute is added in front. nps and csat are left out: they are overall judgements asked in the same survey as the
    /// outcome, so one "explains" the other without saying what to fix (name them with --predictors to include them).
    /// ARR is left out for its heavy tail (log_arr is available), managers because it mostly counts the same thing as products
    /// (one manager per product) and the pair would be nearly collinear.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultPredictors =
        ["ces", "tickets", "contacts", "handle_minutes", "reopen_rate", "products", "tenure_months"];

    /// <summary>A built-in name, <c>rattr:NAME</c> (numeric response attribute, e.g. a survey sub-score) or <c>attr:NAME</c> (numeric account attribute).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static DriverVariable Resolve(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        var builtIn = BuiltIn.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null) return builtIn;
        if (name.StartsWith("rattr:", StringComparison.OrdinalIgnoreCase) && name.Length > 6)
            return new(name, $"Response attribute '{name[6..]}' (numeric)", Numeric($"f.response_attributes ->> '{Escape(name[6..])}'"), GoodDirection.WithOutcome);
        if (name.StartsWith("attr:", StringComparison.OrdinalIgnoreCase) && name.Length > 5)
            return new(name, $"Account attribute '{name[5..]}' (numeric)", Numeric($"f.account_attributes ->> '{Escape(name[5..])}'"), GoodDirection.WithOutcome);
        throw new ArgumentException(
            $"Unknown driver variable '{name}'. Use {string.Join(", ", BuiltIn.Select(v => v.Name))}, rattr:NAME (a numeric response attribute) or attr:NAME (a numeric account attribute).");
    }

    /// <summary>
    /// A JSON text value as a number: plain decimal numbers, and yes/no, true/false as 1/0; anything else is NULL (counted as
    /// missing). SIMILAR TO with bracketed dots behaves the same in DuckDB and PostgreSQL.
    /// </summary>
    static string Numeric(string text) => $"""
        CASE WHEN TRIM({text}) SIMILAR TO '[-+]?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?' THEN CAST(TRIM({text}) AS DOUBLE PRECISION)
             WHEN LOWER(TRIM({text})) IN ('yes', 'true') THEN 1.0 WHEN LOWER(TRIM({text})) IN ('no', 'false') THEN 0.0 END
        """;

    static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
