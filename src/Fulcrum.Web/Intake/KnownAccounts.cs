using Fulcrum.Web.Store;

namespace Fulcrum.Web.Intake;

/// <summary>
/// The account ids a posted response may name (a response must belong to a known account, as in an import). Kept in
/// memory and reloaded after an import (a hard data change), so checking a webhook post costs no query.
/// </summary>
public sealed class KnownAccounts(StorePool pool, DataVersion version)
{
    sealed record Snapshot(long Version, HashSet<string> Ids);
    volatile Snapshot? _cache;
    readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<HashSet<string>> MissingAsync(IEnumerable<string> accountIds, CancellationToken cancellation)
    {
        var known = await IdsAsync(cancellation);
        return accountIds.Where(id => !known.Contains(id)).ToHashSet(StringComparer.Ordinal);
    }

    async Task<HashSet<string>> IdsAsync(CancellationToken cancellation)
    {
        var current = version.Hard;
        if (_cache is { } hit && hit.Version == current) return hit.Ids;
        await _loading.WaitAsync(cancellation);
        try
        {
            if (_cache is { } again && again.Version == current) return again.Ids;
            var ids = await pool.ReadAsync(store => store.Query<string>("SELECT account_id FROM accounts").ToHashSet(StringComparer.Ordinal), cancellation);
            _cache = new Snapshot(current, ids);
            return ids;
        }
        finally
        {
            _loading.Release();
        }
    }
}
