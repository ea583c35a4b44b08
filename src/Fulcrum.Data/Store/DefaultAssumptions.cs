namespace Fulcrum.Data.Store;

/// <summary>Assumptions every store starts with; finance edits them (later: `fulcrum assumptions set`).</summary>
public static class DefaultAssumptions
{
    public sealed record Assumption(string Name, double Value, string Unit, string Description);

    public static readonly IReadOnlyList<Assumption> All =
    [
        new("cost_per_agent_hour", 45, "USD/hour", "Fully loaded cost of one support agent hour."),
        new("other_cost_per_ticket", 4, "USD/ticket", "Tooling and overhead per support case, beyond agent time."),
        new("gross_margin", 0.75, "ratio", "Gross margin on recurring revenue."),
        new("discount_rate", 0.10, "per year", "Annual discount rate for NPV."),
        new("horizon_months", 24, "months", "Default horizon of the business case."),
        new("followup_sla_days", 7, "days", "Days to close a detractor follow-up."),
    ];
}
