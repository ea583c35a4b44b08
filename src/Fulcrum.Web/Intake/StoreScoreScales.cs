using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Survey;
using Fulcrum.Web.Store;

namespace Fulcrum.Web.Intake;

/// <summary>
/// The store's CSAT and CES scales (<see cref="ScoreScales"/>: declared by a mapping, else 1–5 and 1–7) that a posted
/// answer must lie on, as an imported one. Kept in memory and reloaded after an import (a hard data change), which is
/// what declares a scale, so checking a webhook post costs no query.
/// </summary>
public sealed class StoreScoreScales(StorePool pool, DataVersion version)
{
    sealed record Snapshot(long Version, IReadOnlyDictionary<string, Scale> Scales);
    volatile Snapshot? _cache;

    public async Task<IReadOnlyDictionary<string, Scale>> GetAsync(CancellationToken cancellation)
    {
        var current = version.Hard;
        if (_cache is { } hit && hit.Version == current) return hit.Scales;
        // Two requests may both load after a change: each reads the same table, so the later write is as good as the first.
        var scales = await pool.ReadAsync(store => ScoreScales.All(store), cancellation);
        _cache = new Snapshot(current, scales);
        return scales;
    }
}
