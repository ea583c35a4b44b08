namespace Fulcrum.Data.Store;

/// <summary>
/// The assumptions every store starts with, with the range a value must fall in. Finance edits them with
/// `fulcrum assumptions set` (or the web app); every money figure lists the values it used.
/// </summary>
public static class DefaultAssumptions
{
    public sealed record Assumption(string Name, double Value, string Unit, string Description, double Min, double Max);

    public static readonly IReadOnlyList<Assumption> All =
    [
        new("cost_per_agent_hour", 45, "USD/hour", "Fully loaded cost of one support agent hour.", 0, 10_000),
        new("other_cost_per_ticket", 4, "USD/ticket", "Tooling and overhead per support case, beyond agent time.", 0, 10_000),
        new("gross_margin", 0.75, "ratio", "Gross margin on recurring revenue.", 0.01, 1),
        new("discount_rate", 0.10, "per year", "Annual discount rate for NPV.", 0, 1),
        new("horizon_months", 24, "months", "Default horizon of the business case.", 1, 120),
        new("followup_sla_days", 7, "days", "Days to close a detractor follow-up.", 1, 365),
        new("renewals_per_year", 1, "per year", "How often an account faces a renewal decision (1 = annual contracts, 4 = quarterly).", 0.1, 12),
        new("lever_size_detractors_to_passive", 0.20, "share", "Business-case lever: share of detractor accounts moved to passive.", 0, 1),
        new("lever_size_detractors_to_promoter", 0.10, "share", "Business-case lever: share of detractor accounts moved to promoter.", 0, 1),
        new("lever_size_passives_to_promoter", 0.20, "share", "Business-case lever: share of passive accounts moved to promoter.", 0, 1),
        new("lever_size_csat_dissatisfied_to_satisfied", 0.20, "share", "Business-case lever: share of dissatisfied customers (the bottom quarter of the store's CSAT scale: 1–2 on 1–5, 1–3 on 1–10) moved to satisfied (the first point of its top half: 4 on 1–5, 6 on 1–10).", 0, 1),
        new("lever_size_ces_reduction", 0.5, "CES points", "Business-case lever: how much lower customer effort (CES) becomes.", 0, 6),
        new("lever_size_contact_reduction", 0.15, "share", "Business-case lever: share of support contacts avoided.", 0, 1),
        new("lever_size_fix_theme", 0.5, "share", "Business-case lever: share of the extra churn among accounts raising a theme that fixing it removes.", 0, 1),
        new("lever_cost_detractor_recovery", 1_500, "USD/account moved", "Cost of moving one detractor account up (outreach, fixes, credits).", 0, 10_000_000),
        new("lever_cost_order_recovery", 20, "USD/answer moved", "Shops: cost of turning one dissatisfied order around (voucher, replacement, call).", 0, 1_000_000),
        new("lever_cost_promoter_programme", 800, "USD/account moved", "Cost of moving one passive account to promoter.", 0, 10_000_000),
        new("lever_cost_effort_reduction", 60, "USD/account per CES point", "Cost of lowering effort by one CES point, per active account.", 0, 10_000_000),
        new("lever_cost_contact_reduction", 3, "USD/account per % of contacts", "Cost of avoiding 1% of support contacts, per active account (self-service, fixes).", 0, 10_000_000),
        new("lever_cost_fix_theme", 150_000, "USD/theme", "Cost of fixing the cause behind one feedback theme.", 0, 1_000_000_000),
    ];

    public static Assumption? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>Why <paramref name="value"/> cannot be assumption <paramref name="name"/>, or null when it can.</summary>
    public static string? Problem(string name, double value)
    {
        if (Find(name) is not { } known) return $"Unknown assumption '{name}'. Known: {string.Join(", ", All.Select(a => a.Name))}.";
        return double.IsFinite(value) && value >= known.Min && value <= known.Max ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Assumption '{name}' must be between {known.Min:G} and {known.Max:G} {known.Unit}; got {value:G}.");
    }
}
