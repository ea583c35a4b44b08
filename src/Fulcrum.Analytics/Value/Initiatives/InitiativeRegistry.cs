using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Value.Initiatives;

/// <summary>
/// The initiatives registry: add, list, show and close, validating every field before anything is written. Bulk loads
/// go through the importer (table <c>initiatives</c>); <see cref="Validate"/> then checks what was imported.
/// </summary>
public sealed class InitiativeRegistry(FulcrumStore store)
{
    const string Select = """
        SELECT initiative_id, name, kind, CAST(start_date AS DATE), CAST(end_date AS DATE), cost, target, lever, owner, COALESCE(status, 'active')
        FROM initiatives
        """;

    public IReadOnlyList<Initiative> List() => store.Read(Select + " ORDER BY start_date, initiative_id", Map);

    public Initiative Get(string id) => Find(id) ?? throw new InitiativeException(NotFound(id));

    /// <summary>The initiative with this id, or null when none is registered.</summary>
    public Initiative? Find(string id) => store.Read(Select + " WHERE initiative_id = $id", Map, new { id }).FirstOrDefault();

    /// <summary>Why an id names no initiative, and where to see those that are.</summary>
    public static string NotFound(string id) => $"No initiative '{id}'. `fulcrum initiatives list` shows the registered ones.";

    public Initiative Add(Initiative initiative)
    {
        var problems = Problems(initiative).ToList();
        if (problems.Count > 0) throw new InitiativeException($"Initiative '{initiative.InitiativeId}': {string.Join("; ", problems)}.");
        if (store.Scalar<long>("SELECT COUNT(*) FROM initiatives WHERE initiative_id = $id", new { id = initiative.InitiativeId }) > 0)
            throw new InitiativeException($"An initiative '{initiative.InitiativeId}' already exists. Choose another id, or close it with `fulcrum initiatives close`.");
        store.Execute("""
            INSERT INTO initiatives (initiative_id, name, kind, start_date, end_date, cost, target, lever, owner, status)
            VALUES ($id, $name, $kind, $start, $end, $cost, $target, $lever, $owner, $status)
            """, new
        {
            id = initiative.InitiativeId, name = initiative.Name, kind = initiative.Kind,
            start = initiative.StartDate.ToDateTime(TimeOnly.MinValue), end = initiative.EndDate?.ToDateTime(TimeOnly.MinValue),
            cost = initiative.Cost, target = string.IsNullOrWhiteSpace(initiative.Target) ? null : initiative.ParseTarget().Text,
            lever = initiative.Lever, owner = initiative.Owner, status = initiative.Status,
        });
        return Get(initiative.InitiativeId);
    }

    /// <summary>Marks an initiative closed on <paramref name="end"/> (its end date).</summary>
    public Initiative Close(string id, DateOnly end)
    {
        var initiative = Get(id);
        if (initiative.Status == "closed") throw new InitiativeException($"Initiative '{id}' is already closed (ended {initiative.EndDate:yyyy-MM-dd}).");
        if (end < initiative.StartDate) throw new InitiativeException($"Initiative '{id}' starts {initiative.StartDate:yyyy-MM-dd}; it cannot end earlier ({end:yyyy-MM-dd}).");
        store.Execute("UPDATE initiatives SET status = 'closed', end_date = $end WHERE initiative_id = $id", new { id, end = end.ToDateTime(TimeOnly.MinValue) });
        return Get(id);
    }

    /// <summary>Every problem of every stored initiative (e.g. after an import), as "id: problem".</summary>
    public IReadOnlyList<string> Validate() =>
        List().SelectMany(i => Problems(i).Select(p => $"{i.InitiativeId}: {p}")).ToList();

    public static IEnumerable<string> Problems(Initiative i)
    {
        if (string.IsNullOrWhiteSpace(i.InitiativeId)) yield return "the id is empty";
        if (string.IsNullOrWhiteSpace(i.Name)) yield return "the name is empty";
        if (!Initiative.Kinds.Contains(i.Kind)) yield return $"kind '{i.Kind}' is not one of {string.Join(", ", Initiative.Kinds)}";
        if (!Initiative.Statuses.Contains(i.Status)) yield return $"status '{i.Status}' is not one of {string.Join(", ", Initiative.Statuses)}";
        if (i.EndDate is { } end && end < i.StartDate) yield return $"end {end:yyyy-MM-dd} is before start {i.StartDate:yyyy-MM-dd}";
        if (i.Cost is { } cost && (cost < 0 || !double.IsFinite(cost))) yield return $"cost {cost} must be a non-negative number";
        if (!TargetFilter.TryParse(i.Target, out _, out var error)) yield return error!;
    }

    static Initiative Map(System.Data.IDataRecord r) => new(r.Text(0)!, r.Text(1) ?? "", r.Text(2) ?? "", r.Date(3)!.Value, r.Date(4),
        r.NullableDouble(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9) ?? "active");
}
