using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fulcrum.Cli.Tests.Citus;

/// <summary>Where the rows a plan node produces live on a Citus cluster.</summary>
enum Placement
{
    /// <summary>Rows spread over the workers by account: every row still belongs to one account's shard.</summary>
    Distributed,
    /// <summary>The same rows everywhere: reference tables, constants, functions, results already combined across accounts.</summary>
    Recurring,
    /// <summary>Rows in a table that stays on the coordinator (a blocked table or a temporary table).</summary>
    Local,
}

/// <summary>
/// Walks one PostgreSQL plan (EXPLAIN (VERBOSE, FORMAT JSON)) with the rules under which Citus runs a query on each
/// worker's shards and only combines small results on the coordinator:
/// <list type="bullet">
/// <item>a join of two distributed inputs includes an equality of their account_id columns;</item>
/// <item>reference/recurring rows may join distributed ones anywhere except on the preserved side of an outer or anti join
/// (Citus cannot push down "reference LEFT JOIN distributed");</item>
/// <item>a GROUP BY over distributed rows either includes account_id or only uses aggregates Citus computes as
/// per-shard partials and combines (count, sum, avg, min, max, …; COUNT(DISTINCT account_id)); its result is recurring;</item>
/// <item>a window over distributed rows is partitioned by account_id;</item>
/// <item>a correlated subquery over distributed rows inside a distributed query is correlated on account_id.</item>
/// </list>
/// Tables that stay on the coordinator are reported apart (Citus joins them by shipping their rows, not in place).
/// </summary>
sealed partial class CitusPlanRules(Func<string, Placement> placementOf)
{
    public List<string> Violations { get; } = [];
    public HashSet<string> LocalTables { get; } = new(StringComparer.Ordinal);
    readonly Dictionary<string, Placement> _ctes = new(StringComparer.Ordinal);

    public Placement Walk(JsonObject node)
    {
        var type = (string)node["Node Type"]!;
        var children = (node["Plans"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        foreach (var init in children.Where(c => Relationship(c) == "InitPlan"))
        {
            var placement = Walk(init);
            if (init["Subplan Name"]?.GetValue<string>() is { } name && name.StartsWith("CTE ", StringComparison.Ordinal))
                _ctes[name[4..]] = placement;
        }
        var main = children.Where(c => Relationship(c) is not ("InitPlan" or "SubPlan")).ToList();
        var placements = main.Select(Walk).ToList();
        foreach (var sub in children.Where(c => Relationship(c) == "SubPlan"))
        {
            var inner = Walk(sub);
            var correlated = sub["Subplan Name"]?.GetValue<string>() is { } n && !n.StartsWith("hashed", StringComparison.Ordinal);
            if (correlated && inner == Placement.Distributed && placements.Contains(Placement.Distributed) && !HasAccountEquality(Conditions(sub, deep: true)))
                Violations.Add($"correlated subquery over distributed rows not correlated on account_id ({sub["Subplan Name"]})");
        }

        if (type == "ModifyTable") return Combine(placements);
        if (node["Relation Name"]?.GetValue<string>() is { } relation)
        {
            var placement = placementOf(relation);
            if (placement == Placement.Local) LocalTables.Add(relation);
            return placement;
        }
        return type switch
        {
            "Function Scan" or "Values Scan" or "WorkTable Scan" or "Table Function Scan" or "Named Tuplestore Scan" => Placement.Recurring,
            "Result" when main.Count == 0 => Placement.Recurring,
            "CTE Scan" => _ctes.GetValueOrDefault((string)node["CTE Name"]!, Placement.Recurring),
            "Hash Join" or "Merge Join" or "Nested Loop" => Join(node, main, placements),
            "Aggregate" or "Group" => Aggregate(node, Combine(placements)),
            "SetOp" => Aggregate(node, Combine(placements)),
            "WindowAgg" => Window(node, main, Combine(placements)),
            _ => Combine(placements),
        };
    }

    Placement Join(JsonObject node, List<JsonObject> children, List<Placement> placements)
    {
        var (outer, inner) = (placements[0], placements[1]);
        var joinType = node["Join Type"]?.GetValue<string>() ?? "Inner";
        if (outer == Placement.Distributed && inner == Placement.Distributed)
        {
            var conditions = Conditions(node, deep: false).Concat(node["Node Type"]!.GetValue<string>() == "Nested Loop" ? Conditions(children[1], deep: true) : []);
            if (!HasAccountEquality(conditions))
                Violations.Add($"{joinType} join of two distributed inputs without account_id = account_id: {string.Join(" AND ", Conditions(node, deep: false).DefaultIfEmpty("(no join condition)"))}");
            return Placement.Distributed;
        }
        var preservedRecurring = joinType switch
        {
            "Left" or "Anti" => outer == Placement.Recurring && inner == Placement.Distributed,
            "Right" => inner == Placement.Recurring && outer == Placement.Distributed,
            "Full" => (outer == Placement.Recurring) != (inner == Placement.Recurring) && placements.Contains(Placement.Distributed),
            _ => false,
        };
        if (preservedRecurring)
            Violations.Add($"{joinType} join that keeps reference/recurring rows without a match in a distributed input (Citus cannot push it down)");
        return Combine(placements);
    }

    Placement Aggregate(JsonObject node, Placement input)
    {
        if (input != Placement.Distributed) return input;
        var keys = (node["Group Key"] as JsonArray)?.Select(k => k!.GetValue<string>()).ToList() ?? [];
        if (keys.Any(IsAccountColumn)) return Placement.Distributed;
        var outputs = (node["Output"] as JsonArray)?.Select(o => o!.GetValue<string>()).ToList() ?? [];
        foreach (var output in outputs)
        {
            if (NotPartialAggregate().Match(output) is { Success: true } m)
                Violations.Add($"aggregate across accounts that is not a combination of per-account partials: {m.Value}… in {output}");
            foreach (Match d in DistinctAggregate().Matches(output))
                if (!IsAccountColumn(d.Groups["arg"].Value))
                    Violations.Add($"DISTINCT aggregate across accounts on a column other than account_id: {output}");
        }
        return Placement.Recurring;
    }

    Placement Window(JsonObject node, List<JsonObject> children, Placement input)
    {
        if (input != Placement.Distributed) return input;
        // PostgreSQL 15 prints a window as OVER (?): its partition is the leading sort key of the input.
        var sort = children.Count == 1 ? FirstSort(children[0]) : null;
        var firstKey = (sort?["Sort Key"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
        if (firstKey is null || !IsAccountColumn(firstKey))
            Violations.Add($"window over distributed rows not partitioned by account_id (input sorted by {firstKey ?? "nothing"})");
        return Placement.Distributed;
    }

    static JsonObject? FirstSort(JsonObject node)
    {
        for (var current = node; current is not null;)
        {
            if (current["Sort Key"] is JsonArray) return current;
            if (current["Node Type"]!.GetValue<string>() is not ("Subquery Scan" or "Materialize" or "Result" or "WindowAgg")) return null;
            current = (current["Plans"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Relationship(c) is not ("InitPlan" or "SubPlan"));
        }
        return null;
    }

    static Placement Combine(List<Placement> placements) =>
        placements.Contains(Placement.Distributed) ? Placement.Distributed
        : placements.Contains(Placement.Local) ? Placement.Local
        : Placement.Recurring;

    static string? Relationship(JsonObject node) => node["Parent Relationship"]?.GetValue<string>();

    static readonly string[] ConditionFields = ["Hash Cond", "Merge Cond", "Join Filter", "Index Cond", "Recheck Cond", "Filter"];

    static IEnumerable<string> Conditions(JsonObject node, bool deep)
    {
        foreach (var field in ConditionFields)
            if (node[field]?.GetValue<string>() is { } condition && (deep || field is "Hash Cond" or "Merge Cond" or "Join Filter"))
                yield return condition;
        if (!deep) yield break;
        foreach (var child in (node["Plans"] as JsonArray)?.OfType<JsonObject>() ?? [])
            foreach (var condition in Conditions(child, deep))
                yield return condition;
    }

    static bool HasAccountEquality(IEnumerable<string> conditions) => conditions.Any(c => AccountEquality().IsMatch(c));

    static bool IsAccountColumn(string expression) => AccountColumn().IsMatch(expression.Trim());

    [GeneratedRegex(@"account_id\)?(?:::[a-z ]+)?\)?\s*=\s*\(*(?:[\w""]+\.)?account_id\b")]
    private static partial Regex AccountEquality();

    [GeneratedRegex(@"^\(*(?:[\w""]+\.)?account_id\)?(?:::[a-z ]+)?\)?$")]
    private static partial Regex AccountColumn();

    [GeneratedRegex(@"\b(?:percentile_cont|percentile_disc|mode|string_agg|array_agg|json_agg|jsonb_agg|json_object_agg|jsonb_object_agg|xmlagg|corr|covar_pop|covar_samp|regr_\w+)\(")]
    private static partial Regex NotPartialAggregate();

    [GeneratedRegex(@"\b\w+\(DISTINCT (?<arg>[^,)]+(?:\)[^,)]*)?)")]
    private static partial Regex DistinctAggregate();
}
