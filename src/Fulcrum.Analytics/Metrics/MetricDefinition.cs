using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Schema;

namespace Fulcrum.Analytics.Metrics;

public enum MetricSource { Responses, AccountPeriods }

/// <summary>
/// A metric: its name, unit, kind and the SQL aggregates (over fact alias f with weight column w) that give
/// its <see cref="SufficientStats"/> A, B and C, plus the SQL condition for an observation to count.
/// Ticket-level metrics give ObservationCount: how many tickets an account-period row stands for (unweighted).
/// </summary>
/// <param name="Scale">For a mean of a bounded score: its column and default scale, so intervals stay on the scale.</param>
/// <param name="NeedsTickets">A service metric: without any ticket imported it has no data (rather than zero contacts).</param>
public sealed record MetricDefinition(string Name, string Description, string Unit, MetricSource Source, MetricKind Kind, string Observed, string A, string B, string C,
    string? ObservationCount = null, ScoreScale? Scale = null, bool NeedsTickets = false)
{
    public static readonly IReadOnlyList<MetricDefinition> BuiltIn =
    [
        new("nps", "Net Promoter Score", "points", MetricSource.Responses, MetricKind.Nps, "f.nps IS NOT NULL",
            "w * CASE WHEN f.nps >= 9 THEN 1 ELSE 0 END", "w * CASE WHEN f.nps BETWEEN 7 AND 8 THEN 1 ELSE 0 END", "w * CASE WHEN f.nps <= 6 THEN 1 ELSE 0 END"),
        new("csat", "Customer satisfaction (mean)", "score", MetricSource.Responses, MetricKind.Mean, "f.csat IS NOT NULL", "w * f.csat", "w * f.csat * f.csat", "0",
            Scale: new("csat", CanonicalSchema.DefaultCsatMin, CanonicalSchema.DefaultCsatMax)),
        new("ces", "Customer effort (mean, higher = more effort)", "score", MetricSource.Responses, MetricKind.Mean, "f.ces IS NOT NULL", "w * f.ces", "w * f.ces * f.ces", "0",
            Scale: new("ces", CanonicalSchema.DefaultCesMin, CanonicalSchema.DefaultCesMax)),
        new("contacts_per_account", "Support tickets per account and period", "tickets", MetricSource.AccountPeriods, MetricKind.Mean, "TRUE",
            "w * f.tickets", "w * f.tickets * f.tickets", "0", NeedsTickets: true),
        new("handle_minutes", "Agent handle time per ticket", "minutes", MetricSource.AccountPeriods, MetricKind.Mean, "f.handled_tickets > 0",
            "f.handle_minutes", "f.handle_minutes_sq", "0", ObservationCount: "f.handled_tickets", NeedsTickets: true),
        new("first_contact_resolution", "Share of tickets resolved in one contact and not reopened", "share", MetricSource.AccountPeriods, MetricKind.Proportion,
            "f.tickets > 0", "f.first_contact_resolved", "0", "0", ObservationCount: "f.tickets", NeedsTickets: true),
        new("reopen_rate", "Share of tickets reopened", "share", MetricSource.AccountPeriods, MetricKind.Proportion, "f.tickets > 0",
            "f.reopened", "0", "0", ObservationCount: "f.tickets", NeedsTickets: true),
        new("cost_to_serve", "Support cost per account and period (tickets × handle time × cost per agent hour + other cost per ticket)", "USD",
            MetricSource.AccountPeriods, MetricKind.Mean, "TRUE", "w * ({cost})", "w * ({cost}) * ({cost})", "0", NeedsTickets: true),
    ];

    public static MetricDefinition Resolve(string name)
    {
        var builtIn = BuiltIn.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null) return builtIn;
        // share:DIMENSION=VALUE, e.g. share:rattr:airline_sentiment=negative
        if (name.StartsWith("share:", StringComparison.OrdinalIgnoreCase) && name.IndexOf('=', StringComparison.Ordinal) is var eq and > 6)
        {
            var dimension = Dimension.Resolve(name[6..eq]);
            var value = name[(eq + 1)..].Replace("'", "''", StringComparison.Ordinal);
            return new(name, $"Share of responses with {dimension.Name} = {name[(eq + 1)..]}", "share", MetricSource.Responses, MetricKind.Proportion,
                $"({dimension.Sql}) <> '(none)'", $"w * CASE WHEN ({dimension.Sql}) = '{value}' THEN 1 ELSE 0 END", "0", "0");
        }
        throw new ArgumentException($"Unknown metric '{name}'. Use {string.Join(", ", BuiltIn.Select(m => m.Name))} or share:DIMENSION=VALUE.");
    }

    /// <summary>The SQL of A/B/C with the cost assumptions filled in.</summary>
    public string Sql(string aggregate, double costPerAgentHour, double otherCostPerTicket) =>
        aggregate.Replace("{cost}", string.Create(CultureInfo.InvariantCulture,
            $"f.handle_minutes / 60.0 * {costPerAgentHour} + f.tickets * {otherCostPerTicket}"), StringComparison.Ordinal);
}

/// <summary>A bounded score's column in the response facts and its default scale (the store's declared scale replaces it: ScoreScales).</summary>
public sealed record ScoreScale(string Column, double Min, double Max);
