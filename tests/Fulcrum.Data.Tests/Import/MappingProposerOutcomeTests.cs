using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Tests.Import;

/// <summary>
/// `fulcrum map` and outcomes: a status that tells new customers apart is preferred to a churn flag (a customer who just
/// joined made no renewal), and columns that restate the outcome are kept with it, never as attributes `drivers` ranks.
/// </summary>
public sealed class MappingProposerOutcomeTests
{
    [Fact]
    public void Telco_status_maps_kind_from_Customer_Status_and_leaves_out_customers_who_just_joined()
    {
        var file = RealDataSets.DataFile(RealDataSets.Telco, "Telco_customer_churn_status.csv");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("where: \"[Customer Status] != 'Joined'\"   # Joined (454 of 7,043 sampled rows): no renewal decided yet", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("kind: { column: Customer Status, map: { Churned: churn, Stayed: renewal } }", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("reason: Churn Reason", proposal.Yaml, StringComparison.Ordinal);

        using var ws = new ImportWorkspace();
        var mapping = ws.Write("telco.yaml", Dated(proposal.Yaml));
        ImportAssert.Committed(ws.Import("all", file, mapping));
        Assert.Equal(7_043 - 454, ws.Count("outcomes"));
        Assert.Equal(1_869, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'churn'"));
        // A customer who joined this quarter is an account with an answer, and no renewal (a churn flag would call it one).
        Assert.Equal(1, ws.Scalar<long>("SELECT COUNT(*) FROM responses WHERE account_id = '4929-XIHVW'"));
        Assert.Equal(0, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE account_id = '4929-XIHVW'"));
    }

    [Fact]
    public void Telco_churn_value_score_label_and_category_are_no_response_attributes_but_kept_on_outcomes()
    {
        var file = RealDataSets.DataFile(RealDataSets.Telco, "Telco_customer_churn_status.csv");

        var proposal = MappingProposer.Propose(file);

        var responses = Block(proposal.Yaml, "responses");
        Assert.Contains("attributes: { columns: [Status ID, Count, Quarter, CLTV] }", responses, StringComparison.Ordinal);
        Assert.Contains("# not here: Churn Label, Churn Value, Churn Score, Churn Category encode the outcome", responses, StringComparison.Ordinal);
        Assert.Contains("attributes: { columns: [Churn Label, Churn Value, Churn Score, Churn Category] }", Block(proposal.Yaml, "outcomes"), StringComparison.Ordinal);

        using var ws = new ImportWorkspace();
        ImportAssert.Committed(ws.Import("all", file, ws.Write("telco.yaml", Dated(proposal.Yaml))));
        Assert.Equal(0, ws.Scalar<long>("SELECT COUNT(*) FROM responses WHERE CAST(attributes AS VARCHAR) LIKE '%Churn%'"));
        Assert.Equal(1_869, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE attributes ->> 'Churn Value' = '1'"));
    }

    [Fact]
    public void A_status_column_is_found_by_its_words_whatever_its_name_and_flags_and_recodings_of_it_stay_off_the_answers()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("subscribers.csv", Subscribers().ToArray());

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("where: \"[Lifecycle] != 'Trial'\"", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("kind: { column: Lifecycle, map: { Cancelled: churn, Active: renewal } }", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("reason: cancel_reason", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("attributes: { columns: [plan_price] }", Block(proposal.Yaml, "responses"), StringComparison.Ordinal);
        var outcomes = Block(proposal.Yaml, "outcomes");
        Assert.Contains("# is_churned, churn_risk: named for churn.", outcomes, StringComparison.Ordinal);
        Assert.Contains("# retention_code: tells churn from renewal in every sampled row, as \"Lifecycle\" does.", outcomes, StringComparison.Ordinal);
        Assert.Contains("attributes: { columns: [is_churned, churn_risk, retention_code] }", outcomes, StringComparison.Ordinal);

        var result = ws.Import("all", file, ws.Write("subscribers.yaml", Dated(proposal.Yaml)));

        ImportAssert.Committed(result);
        Assert.Equal(30, ws.Count("outcomes"));
        Assert.Equal(0, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE account_id LIKE 't%'"));
    }

    [Fact]
    public void A_status_value_it_cannot_read_is_a_TODO_in_the_kind_map_naming_it_and_the_mapping_is_refused_at_its_line()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("status.csv", "Customer ID,Satisfaction,Status",
            "a,3,Churned", "b,4,Stayed", "c,5,Suspended", "d,2,Joined", "e,1,Churned", "f,4,Stayed");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("kind: { column: Status, map: { Churned: churn, Stayed: renewal, Suspended: TODO } }   # ← \"Status\"; not read: Suspended", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains(proposal.Todos, t => t.StartsWith("kind: \"Status\" value Suspended (1 sampled rows) not read; map it to renewal, churn, expansion or contraction", StringComparison.Ordinal));
        Assert.Contains("where: \"[Status] != 'Joined'\"", proposal.Yaml, StringComparison.Ordinal);
        // Never dropped: until the TODO is replaced the mapping does not load, and the error gives the map's line.
        var yaml = Dated(proposal.Yaml);
        var mapping = ws.Write("status.yaml", yaml);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("Suspended: TODO", StringComparison.Ordinal)) + 1;
        var error = Assert.Throws<MappingException>(() => MappingLoader.Load(mapping));
        Assert.Contains($", line {line}: field 'kind': 'map' sends 'Suspended' to TODO", error.Message, StringComparison.Ordinal);
        Assert.Contains("'map' sends 'Suspended' to TODO, a placeholder left by `fulcrum map`; replace it with one of renewal, churn, expansion, contraction", error.Message, StringComparison.Ordinal);

        ImportAssert.Committed(ws.Import("all", file, ws.Write("fixed.yaml", yaml.Replace("Suspended: TODO", "Suspended: churn", StringComparison.Ordinal))));
        Assert.Equal(3, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'churn'"));
    }

    [Fact]
    public void Upgraded_and_downgraded_statuses_in_any_case_map_to_expansion_and_contraction_with_their_counts()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("subscriptions.csv", Subscriptions().ToArray());

        var proposal = MappingProposer.Propose(file);

        Assert.DoesNotContain(proposal.Todos, t => t.StartsWith("kind", StringComparison.Ordinal));
        var outcomes = Block(proposal.Yaml, "outcomes");
        Assert.Contains("where: \"[Status] != 'Joined'\"   # Joined (2 of 26 sampled rows)", outcomes, StringComparison.Ordinal);
        Assert.Contains("# \"Status\" → kind (sampled rows of 26): Active/ACTIVE → renewal (8), Churned → churn (3), Upgraded → expansion (4), "
            + "downgraded → contraction (2), Joined → left out by where (2), Renewed → renewal (2), Cancelled → churn (1), Expanded → expansion (2), Contracted → contraction (2)\n",
            outcomes, StringComparison.Ordinal);
        Assert.Contains("kind: { column: Status, map: { Active: renewal, Churned: churn, Upgraded: expansion, downgraded: contraction, Renewed: renewal, "
            + "Cancelled: churn, Expanded: expansion, Contracted: contraction } }   # ← \"Status\"; check the map", outcomes, StringComparison.Ordinal);
        // One ARR column is the ARR now: no ARR before an upgrade or downgrade, so those rows are counted, not valued.
        Assert.Contains("arr_before: { expr: \"if([Status] = 'Upgraded' or [Status] = 'downgraded' or [Status] = 'Expanded' or [Status] = 'Contracted', null, [ARR])\" }", outcomes, StringComparison.Ordinal);

        ImportAssert.Committed(ws.Import("all", file, ws.Write("subscriptions.yaml", Dated(proposal.Yaml))));
        Assert.Equal(24, ws.Count("outcomes"));
        Assert.Equal(10, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'renewal'"));
        Assert.Equal(4, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'churn' AND arr_after = 0 AND arr_before > 0"));
        Assert.Equal(6, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion' AND arr_before IS NULL AND arr_after IS NULL"));
        Assert.Equal(4, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'contraction' AND arr_before IS NULL AND arr_after IS NULL"));
        Assert.Equal(0, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE account_id IN ('j0', 'j1')"));
    }

    [Fact]
    public void Outcome_date_is_never_an_unrelated_date_column_but_a_TODO_naming_the_dates_seen()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("status.csv", "Customer ID,Satisfaction,Status,last_login",
            "a,3,Churned,2024-03-01", "b,4,Stayed,2024-03-02", "c,5,Stayed,2024-03-03", "d,2,Churned,2024-03-04", "e,1,Stayed,2024-03-05");

        var proposal = MappingProposer.Propose(file);

        var outcomes = Block(proposal.Yaml, "outcomes");
        Assert.DoesNotContain("outcome_date: last_login", outcomes, StringComparison.Ordinal);
        Assert.Contains("outcome_date: TODO   # no column is named as the outcome's date (a churn, renewal, end, cancellation or status date); "
            + "date columns seen: last_login. Map the one holding the day each renewal was decided, or give a value\n", outcomes, StringComparison.Ordinal);
        Assert.Contains(proposal.Todos, t => t.StartsWith("outcome_date: no column is named as the outcome's date", StringComparison.Ordinal)
            && t.Contains("date columns seen: last_login", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("churn_date")]
    [InlineData("Cancellation Date")]
    [InlineData("status_date")]
    [InlineData("contract_end_date")]
    public void Outcome_date_is_a_column_named_as_the_outcomes_date(string column)
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("status.csv", $"Customer ID,Satisfaction,Status,last_login,{column}",
            "a,3,Churned,2024-03-01,2024-04-01", "b,4,Stayed,2024-03-02,2024-04-02", "c,5,Stayed,2024-03-03,2024-04-03", "d,2,Churned,2024-03-04,2024-04-04");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains($"outcome_date: {column}", Block(proposal.Yaml, "outcomes"), StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Todos, t => t.StartsWith("outcome_date", StringComparison.Ordinal));
    }

    [Fact]
    public void Column_names_with_brackets_are_written_with_the_bracket_doubled_in_expressions_and_import()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("brackets.csv", BracketedColumns().ToArray());

        var proposal = MappingProposer.Propose(file);

        var outcomes = Block(proposal.Yaml, "outcomes");
        Assert.Contains("where: \"[Status [now]]] != 'Joined'\"", outcomes, StringComparison.Ordinal);
        Assert.Contains("arr_before: { expr: \"if([Status [now]]] = 'Upgraded', null, [Annual Revenue [USD]]])\" }", outcomes, StringComparison.Ordinal);
        Assert.Contains("\"score [0-10]\"] }   # every other column, kept", Block(proposal.Yaml, "responses"), StringComparison.Ordinal);

        ImportAssert.Committed(ws.Import("all", file, ws.Write("brackets.yaml", Dated(proposal.Yaml))));
        Assert.Equal(7, ws.Count("outcomes"));
        Assert.Equal(2, ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'expansion' AND arr_before IS NULL"));
        Assert.Equal(3_000, ws.Scalar<double>("SELECT arr_before FROM outcomes WHERE account_id = 'c'"));
        Assert.Equal("7", ws.Scalar<string>("SELECT attributes ->> 'score [0-10]' FROM responses WHERE account_id = 'c'"));
    }

    /// <summary>A status, an ARR and a score whose names hold brackets.</summary>
    static IEnumerable<string> BracketedColumns()
    {
        yield return "Customer ID,Satisfaction,Status [now],Annual Revenue [USD],score [0-10]";
        string[] statuses = ["Churned", "Stayed", "Stayed", "Upgraded", "Joined", "Stayed", "Upgraded", "Churned"];
        for (var i = 0; i < statuses.Length; i++) yield return $"{(char)('a' + i)},{1 + i % 5},{statuses[i]},{1_000 * (i + 1)},{(i * 3 + 1) % 11}";
    }

    [Fact]
    public void A_plain_churn_flag_is_still_the_outcome_when_there_is_no_status()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("bank.csv", "CustomerId,Satisfaction Score,Exited", "1,3,1", "2,4,0", "3,5,0");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("kind: { column: Exited, map: { \"1\": churn, \"0\": renewal } }", proposal.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("where:", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_status_is_no_renewal_outcome()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("reviews.csv", "review_id,customer_id,review_score,order_status", "r1,c1,5,delivered", "r2,c2,1,shipped", "r3,c3,4,canceled");

        var proposal = MappingProposer.Propose(file);

        Assert.DoesNotContain("table: outcomes", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("attributes: { columns: [order_status] }", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_outcome_a_churn_named_column_is_left_out_with_the_reason()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("answers.csv", "Response ID,Customer ID,CSAT,Churn Score,Tenure", "r1,a,4,81,12", "r2,b,2,12,30");

        var proposal = MappingProposer.Propose(file);

        Assert.Contains("attributes: { columns: [Tenure] }", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("# left out, being named for churn (an outcome, which `drivers` would rank as a cause if kept as an attribute): Churn Score\n", proposal.Yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Attrited Customer", OutcomeClass.Churn)]
    [InlineData("Existing Customer", OutcomeClass.Renewal)]
    [InlineData("Not churned", OutcomeClass.Renewal)]
    [InlineData("New", OutcomeClass.NoDecision)]
    [InlineData("Yes", OutcomeClass.Unknown)]
    [InlineData("Upgraded", OutcomeClass.Expansion)]
    [InlineData("EXPANDED", OutcomeClass.Expansion)]
    [InlineData("downgraded", OutcomeClass.Contraction)]
    [InlineData("Contracted", OutcomeClass.Contraction)]
    [InlineData("Partial churn", OutcomeClass.Contraction)]
    [InlineData("Renewed", OutcomeClass.Renewal)]
    [InlineData("Not renewed", OutcomeClass.Churn)]
    [InlineData("Non-renewal", OutcomeClass.Churn)]
    [InlineData("Cancelled", OutcomeClass.Churn)]
    [InlineData("Joined", OutcomeClass.NoDecision)]
    [InlineData("Not upgraded", OutcomeClass.Unknown)]
    public void Values_are_read_by_their_words_and_yes_no_only_in_a_column_named_for_churn(string value, OutcomeClass expected) =>
        Assert.Equal(expected, OutcomeColumn.Classify(value, flagNamed: false));

    /// <summary>40 subscribers: 10 on trial, 10 cancelled (with a reason), 20 active; a churn flag, a churn risk and a recoded status beside.</summary>
    static IEnumerable<string> Subscribers()
    {
        yield return "customer_id,csat,Lifecycle,is_churned,churn_risk,retention_code,cancel_reason,plan_price,region_code";
        for (var i = 0; i < 40; i++)
        {
            var (id, status) = i < 10 ? ($"t{i}", "Trial") : i < 20 ? ($"c{i}", "Cancelled") : ($"a{i}", "Active");
            var churned = status == "Cancelled";
            yield return $"{id},{1 + i % 5},{status},{(churned ? 1 : 0)},{(churned ? 60 + i : i)},{(churned ? "C" : "R")},{(churned ? "price" : "")},{10 + i},{(i % 3 == 0 ? "N" : "S")}";
        }
    }

    /// <summary>26 subscriptions whose status says every kind, in mixed case, two customers who just joined, and an ARR.</summary>
    static IEnumerable<string> Subscriptions()
    {
        yield return "Customer ID,CSAT,Status,ARR";
        string[] statuses = ["Active", "Churned", "Upgraded", "downgraded", "Joined", "Renewed", "Cancelled", "Expanded", "Contracted",
            "ACTIVE", "Active", "Churned", "Upgraded", "downgraded", "Joined", "Renewed", "Active", "Expanded", "Contracted",
            "Active", "ACTIVE", "Churned", "Upgraded", "Upgraded", "Active", "Active"];
        var joined = 0;
        for (var i = 0; i < statuses.Length; i++)
            yield return $"{(statuses[i] == "Joined" ? $"j{joined++}" : $"s{i}")},{1 + i % 5},{statuses[i]},{1_000 + 100 * i}";
    }

    /// <summary>The proposal with its date TODOs answered as a user would (the files carry no dates).</summary>
    static string Dated(string yaml) => yaml
        .Replace("responded_at: TODO", "responded_at: { value: \"2022-09-30\" }", StringComparison.Ordinal)
        .Replace("outcome_date: TODO", "outcome_date: { value: \"2022-09-30\" }", StringComparison.Ordinal);

    /// <summary>The YAML of one table's block.</summary>
    static string Block(string yaml, string table)
    {
        var start = yaml.IndexOf($"  - table: {table}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {table} block in:\n{yaml}");
        var end = yaml.IndexOf("  - table: ", start + 1, StringComparison.Ordinal);
        return end < 0 ? yaml[start..] : yaml[start..end];
    }
}
