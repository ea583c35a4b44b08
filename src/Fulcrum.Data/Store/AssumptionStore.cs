namespace Fulcrum.Data.Store;

/// <summary>One assumption as stored, with its default and allowed range.</summary>
public sealed record AssumptionValue(string Name, double Value, string Unit, string Description, double Default, double Min, double Max, DateTime? UpdatedAt)
{
    public bool IsDefault => Value == Default;
}

/// <summary>The assumptions table: list, read and change the named inputs finance owns, validated against their ranges.</summary>
public sealed class AssumptionStore(FulcrumStore store)
{
    public IReadOnlyList<AssumptionValue> List()
    {
        var stored = store.Query<(string Name, double Value, string? Unit, string? Description, DateTime? UpdatedAt)>(
            "SELECT name, value, unit, description, updated_at FROM assumptions ORDER BY name").ToList();
        return stored.Select(s =>
        {
            var known = DefaultAssumptions.Find(s.Name);
            return new AssumptionValue(s.Name, s.Value, s.Unit ?? known?.Unit ?? "", s.Description ?? known?.Description ?? "",
                known?.Value ?? double.NaN, known?.Min ?? double.NegativeInfinity, known?.Max ?? double.PositiveInfinity, s.UpdatedAt);
        }).ToList();
    }

    /// <summary>Name → value for every stored assumption.</summary>
    public IReadOnlyDictionary<string, double> Snapshot() => List().ToDictionary(a => a.Name, a => a.Value);

    public double Get(string name) =>
        store.Query<double?>("SELECT value FROM assumptions WHERE name = $name", new { name }).FirstOrDefault()
        ?? throw new StoreException($"Unknown assumption '{name}'. Known: {string.Join(", ", DefaultAssumptions.All.Select(a => a.Name))}.");

    /// <summary>Sets a known assumption after checking its range; returns the value it had.</summary>
    public double Set(string name, double value)
    {
        if (DefaultAssumptions.Problem(name, value) is { } problem) throw new StoreException(problem);
        var previous = Get(name);
        using var transaction = store.BeginTransaction();
        store.Execute("UPDATE assumptions SET value = $value, updated_at = $now WHERE name = $name", new { name, value, now = DateTime.UtcNow }, transaction);
        store.BumpDataVersion(transaction);
        transaction.Commit();
        return previous;
    }

    /// <summary>Puts an assumption back to its default.</summary>
    public double Reset(string name) => Set(name, (DefaultAssumptions.Find(name) ?? throw new StoreException($"Unknown assumption '{name}'.")).Value);
}
