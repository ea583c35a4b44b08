using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>An account as initiative targeting and matching see it.</summary>
public sealed record PanelAccount(int Index, string AccountId, string? Segment, string? Region, string? Industry, string? Owner)
{
    public string? Field(string name) => name switch
    {
        "segment" => Segment,
        "region" => Region,
        "industry" => Industry,
        "owner" => Owner,
        "account_id" => AccountId,
        _ => null,
    };
}

/// <summary>
/// The data every initiative's analysis reads, loaded once: accounts, the calendar quarters observed, one row per survey
/// answer of the <see cref="SurveyMetric"/> (NPS as −100/0/+100, or else the CSAT answer; products held then) and one row per
/// account-quarter a customer (products, ARR, churn, expansion ARR, cost to serve). Aggregation is pushed down to the fact
/// tables; only per-observation rows come back.
/// </summary>
public sealed class ValuePanel
{
    /// <summary>"nps" where customers gave NPS, else "csat" where they gave CSAT (a CSAT-only company's initiatives are
    /// matched on and measured by CSAT as others' are by NPS); "nps" with no answers when neither is on record.</summary>
    public required string SurveyMetric { get; init; }
    public required IReadOnlyList<PanelAccount> Accounts { get; init; }
    /// <summary>First day of each calendar quarter, in order; observations refer to quarters by index.</summary>
    public required IReadOnlyList<DateOnly> Quarters { get; init; }
    public required ResponseObservations Responses { get; init; }
    public required AccountQuarterObservations AccountQuarters { get; init; }
    public required CostAssumptions Costs { get; init; }
    /// <summary>
    /// Outcomes these data cannot measure, with the reason and what to import: without tickets every account-quarter's cost
    /// to serve reads 0, without renewal outcomes its churn and expansion do, where the truth is unknown.
    /// </summary>
    public IReadOnlyDictionary<string, string> Unmeasurable { get; init; } = new Dictionary<string, string>();

    /// <summary>Survey answers collapsed to one row per account, quarter and products held (same estimates, fewer rows).</summary>
    public OutcomeObservations ResponseCells => _responseCells ??= new OutcomeObservations(Responses.Account, Responses.Quarter, Responses.Score, Responses.Products).Collapse();

    OutcomeObservations? _responseCells;

    public int QuarterOf(DateOnly day)
    {
        var first = Quarters.Count == 0 ? day : Quarters[0];
        return (day.Year - first.Year) * 4 + (day.Month - 1) / 3 - (first.Month - 1) / 3;
    }

    /// <summary>Calendar quarters since year 0 of a date column (year × 4 + quarter − 1), portable SQL.</summary>
    static string QuarterNumber(string day) => $"CAST(EXTRACT(YEAR FROM {day}) * 4 + EXTRACT(QUARTER FROM {day}) - 1 AS INTEGER)";

    public string QuarterLabel(int quarter) => PeriodUnit.Quarter.Label(Quarters.Count == 0 ? DateOnly.MinValue : Quarters[0].AddMonths(3 * quarter));

    public DateOnly QuarterStart(int quarter) => Quarters[0].AddMonths(3 * quarter);

    public static ValuePanel Load(AnalysisFacts facts)
    {
        var store = facts.Store;
        var accounts = store.Read("SELECT account_id, segment, region, industry, owner FROM accounts ORDER BY account_id",
            r => (Id: r.Text(0)!, Segment: r.Text(1), Region: r.Text(2), Industry: r.Text(3), Owner: r.Text(4)));
        var panelAccounts = accounts.Select((a, i) => new PanelAccount(i, a.Id, a.Segment, a.Region, a.Industry, a.Owner)).ToList();

        var surveyMetric = PrimarySurveyMetric.Of(store) is "csat" ? "csat" : "nps";
        var score = surveyMetric == "csat" ? "CAST(f.csat AS DOUBLE PRECISION)"
            : "CAST(CASE WHEN CAST(f.nps AS INTEGER) >= 9 THEN 100 WHEN CAST(f.nps AS INTEGER) <= 6 THEN -100 ELSE 0 END AS DOUBLE PRECISION)";
        var costs = new CostAssumptions(store.Assumption("cost_per_agent_hour"), store.Assumption("other_cost_per_ticket"));
        var responsesTable = facts.Responses();
        var periodsTable = facts.AccountPeriods(PeriodUnit.Quarter);
        var first = store.Read($"""
            SELECT MIN(q) FROM (
                SELECT MIN(CAST(date_trunc('quarter', day) AS DATE)) AS q FROM {responsesTable}
                UNION ALL SELECT MIN(period) FROM {periodsTable}) AS quarters
            """, r => r.Date(0)).Single();
        var last = store.Read($"""
            SELECT MAX(q) FROM (
                SELECT MAX(CAST(date_trunc('quarter', day) AS DATE)) AS q FROM {responsesTable}
                UNION ALL SELECT MAX(period) FROM {periodsTable}) AS quarters
            """, r => r.Date(0)).Single();
        var quarters = new List<DateOnly>();
        if (first is { } f && last is { } l)
            for (var q = f; q <= l; q = q.AddMonths(3)) quarters.Add(q);

        // Each observation comes back with its account's index in the panel (its rank in the order the accounts were read
        // above), so millions of rows are read as numbers into the observation arrays, with no id string per row.
        const string accountIndex = "(SELECT account_id, CAST(ROW_NUMBER() OVER (ORDER BY account_id) - 1 AS INTEGER) AS account_index FROM accounts)";
        // Quarters come back as year × 4 + quarter − 1 (QuarterOf's count, taken from the first quarter here) and every value
        // typed in SQL, so the 2M responses are read without boxing.
        var firstQuarter = quarters.Count == 0 ? 0 : quarters[0].Year * 4 + (quarters[0].Month - 1) / 3;
        var (respAccount, respQuarter, respScore, respProducts) = (new List<int>(), new List<int>(), new List<double>(), new List<int>());
        using (var reader = store.ExecuteReader($"""
            SELECT ix.account_index, {QuarterNumber("f.day")}, {score}, CAST(f.products AS INTEGER)
            FROM {responsesTable} f JOIN {accountIndex} ix ON ix.account_id = f.account_id WHERE f.{surveyMetric} IS NOT NULL
            """))
            while (reader.Read())
            {
                respAccount.Add(reader.GetInt32(0));
                respQuarter.Add(reader.GetInt32(1) - firstQuarter);
                respScore.Add(reader.GetDouble(2));
                respProducts.Add(reader.GetInt32(3));
            }
        var resp = new ResponseObservations([.. respAccount], [.. respQuarter], [.. respScore], [.. respProducts]);

        var (aqAccount, aqQuarter, aqProducts) = (new List<int>(), new List<int>(), new List<int>());
        var (aqArr, aqChurned, aqExpansion, aqCost) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        using (var reader = store.ExecuteReader($"""
            WITH o AS (
                SELECT account_id, CAST(date_trunc('quarter', outcome_date) AS DATE) AS period,
                       MAX(CASE WHEN kind = 'churn' THEN 1 ELSE 0 END) AS churned,
                       -- A quarter with an expansion of no ARR (no arr_before or arr_after) has an unknown expansion ARR: NULL, not 0.
                       CASE WHEN bool_or(kind = 'expansion' AND (arr_before IS NULL OR arr_after IS NULL)) THEN NULL
                            ELSE SUM(CASE WHEN kind = 'expansion' THEN arr_after - arr_before ELSE 0 END) END AS expansion_arr
                FROM outcomes GROUP BY 1, 2)
            SELECT ix.account_index, {QuarterNumber("p.period")}, CAST(COALESCE(p.products, 0) AS INTEGER),
                   CAST(COALESCE(p.arr, 0) AS DOUBLE PRECISION), CAST(COALESCE(p.tickets, 0) AS DOUBLE PRECISION),
                   CAST(COALESCE(p.handle_minutes, 0) AS DOUBLE PRECISION), CAST(COALESCE(o.churned, 0) AS INTEGER),
                   CASE WHEN o.account_id IS NOT NULL AND o.expansion_arr IS NULL THEN NULL ELSE CAST(COALESCE(o.expansion_arr, 0) AS DOUBLE PRECISION) END
            FROM {periodsTable} p JOIN {accountIndex} ix ON ix.account_id = p.account_id
            LEFT JOIN o ON o.account_id = p.account_id AND o.period = p.period
            """))
            while (reader.Read())
            {
                aqAccount.Add(reader.GetInt32(0));
                aqQuarter.Add(reader.GetInt32(1) - firstQuarter);
                aqProducts.Add(reader.GetInt32(2));
                aqArr.Add(reader.GetDouble(3));
                aqChurned.Add(reader.GetInt32(6));
                aqExpansion.Add(reader.IsDBNull(7) ? double.NaN : reader.GetDouble(7));
                aqCost.Add(costs.CostToServe(reader.GetDouble(4), reader.GetDouble(5)));
            }
        var aq = new AccountQuarterObservations([.. aqAccount], [.. aqQuarter], [.. aqProducts], [.. aqArr], [.. aqChurned], [.. aqExpansion], [.. aqCost]);
        return new ValuePanel
        {
            SurveyMetric = surveyMetric, Accounts = panelAccounts, Quarters = quarters, Costs = costs, Responses = resp, AccountQuarters = aq,
            Unmeasurable = Unmeasured(store),
        };
    }

    public const string NoTickets = "no support tickets on record: import tickets (fulcrum import tickets FILE)";
    public const string NoOutcomes = "no renewal outcomes on record: import outcomes (fulcrum import outcomes FILE)";
    public const string NoExpansion = "no expansion outcomes on record: import outcomes of kind expansion (fulcrum import outcomes FILE)";

    static Dictionary<string, string> Unmeasured(FulcrumStore store)
    {
        var missing = new Dictionary<string, string>();
        if (store.Count("tickets") == 0) missing[InitiativeImpactAnalysis.CostToServe] = NoTickets;
        var kinds = store.Read("SELECT kind, COUNT(*) FROM outcomes WHERE kind IN ('renewal', 'churn', 'contraction', 'expansion') GROUP BY kind", r => r.Text(0)!).ToHashSet();
        if (kinds.Count == 0) missing[InitiativeImpactAnalysis.Churn] = missing[InitiativeImpactAnalysis.Expansion] = NoOutcomes;
        else if (!kinds.Contains("expansion")) missing[InitiativeImpactAnalysis.Expansion] = NoExpansion;
        else if (store.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion' AND arr_before IS NOT NULL AND arr_after IS NOT NULL") == 0)
            missing[InitiativeImpactAnalysis.Expansion] = NoExpansionArr(store.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion'"));
        return missing;
    }

    /// <summary>Why expansion ARR is not measured when every expansion on record lacks ARR before or after it.</summary>
    public static string NoExpansionArr(long expansions) => string.Create(CultureInfo.InvariantCulture,
        $"{expansions:N0} expansion{(expansions == 1 ? "" : "s")} without ARR (no arr_before or arr_after on record) {(expansions == 1 ? "is" : "are")} counted as expansion{(expansions == 1 ? "" : "s")} but not valued, so expansion ARR is not measured (absent, not $0): map the ARR before and after the change to value it");
}

/// <summary>Cost to serve = tickets × other_cost_per_ticket + handle minutes / 60 × cost_per_agent_hour (assumptions table).</summary>
public sealed record CostAssumptions(double CostPerAgentHour, double OtherCostPerTicket)
{
    public double CostToServe(double tickets, double handleMinutes) => tickets * OtherCostPerTicket + handleMinutes / 60 * CostPerAgentHour;
}

/// <summary>One row per survey answer: account index, quarter index, score (NPS as −100/0/+100, or the CSAT answer), products held when it answered.</summary>
public sealed record ResponseObservations(int[] Account, int[] Quarter, double[] Score, int[] Products)
{
    public int Count => Account.Length;
}

/// <summary>One row per account and quarter it was a customer.</summary>
public sealed record AccountQuarterObservations(int[] Account, int[] Quarter, int[] Products, double[] Arr, double[] Churned, double[] ExpansionArr, double[] CostToServe)
{
    public int Count => Account.Length;
}
