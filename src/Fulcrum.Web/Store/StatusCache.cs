using Fulcrum.Data.Store;
using Fulcrum.Web.Api;

namespace Fulcrum.Web.Store;

/// <summary>What the store holds (row counts, the survey scales, recent imports). It changes only with writes, so the last answer stands while the data version is the same.</summary>
public sealed class StatusCache(StorePool pool, DataVersion version)
{
    sealed record Cached(long Hard, long Soft, StatusInfo Info);
    volatile Cached? _last;

    public async Task<StatusInfo> GetAsync(CancellationToken cancellation = default)
    {
        var (hard, soft) = (version.Hard, version.Soft);
        if (_last is { } cached && cached.Hard == hard && cached.Soft == soft) return cached.Info;
        var info = await pool.ReadAsync(store =>
        {
            var status = StoreStatus.Read(store, recentImports: 5);
            return new StatusInfo(status.SchemaVersion, status.Tables.Select(t => new TableRows(t.Table, t.Rows)).ToList(),
                status.RecentImports, status.TotalRejects, status.GeneratedBy, status.Scales);
        }, cancellation);
        _last = new Cached(hard, soft, info);
        return info;
    }
}
