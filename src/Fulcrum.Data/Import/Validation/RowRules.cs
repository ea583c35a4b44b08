namespace Fulcrum.Data.Import.Validation;

/// <summary>Rules that involve several fields of one row, per canonical table.</summary>
public static class RowRules
{
    /// <param name="get">Reads a converted field value by canonical name (null when empty or unmapped).</param>
    /// <returns>The violated rule's reason and the field it concerns, or null.</returns>
    public static (string Field, string Reason)? Check(string table, Func<string, object?> get)
    {
        switch (table)
        {
            case "responses":
                if (get("nps") is null && get("csat") is null && get("ces") is null && get("comment") is null)
                    return ("nps", "a response needs at least one of nps, csat, ces or comment");
                break;
            case "subscriptions":
                if (get("end_date") is DateOnly end && get("start_date") is DateOnly start && end < start)
                    return ("end_date", $"end_date {end:yyyy-MM-dd} is before start_date {start:yyyy-MM-dd}");
                break;
            case "tickets":
                if (get("closed_at") is DateTime closed && get("opened_at") is DateTime opened && closed < opened)
                    return ("closed_at", "closed_at is before opened_at");
                break;
            case "outcomes":
                if (get("arr_before") is double before && get("arr_after") is double after && get("kind") is string kind)
                {
                    if (kind == "churn" && after != 0) return ("arr_after", "a churn must end at arr_after = 0");
                    if (kind == "expansion" && after <= before) return ("arr_after", "an expansion must end above arr_before");
                    if (kind == "contraction" && (after >= before || after == 0)) return ("arr_after", "a contraction must end below arr_before and above 0 (use churn for 0)");
                }
                break;
            case "reference_requests":
                if (get("used_at") is DateOnly used && get("requested_at") is DateOnly requested && used < requested)
                    return ("used_at", "used_at is before requested_at");
                break;
            case "initiatives":
                if (get("end_date") is DateOnly iEnd && get("start_date") is DateOnly iStart && iEnd < iStart)
                    return ("end_date", "end_date is before start_date");
                break;
        }
        return null;
    }
}
