namespace Fulcrum.Web.Store;

/// <summary>
/// How the store's customers buy: by order (orders on record and no renewal decisions) or by renewing. A business that
/// sells by order has no churn at renewal to link scores to; its money figure is the repeat purchase (what `fulcrum
/// business-case` values for it), so the Overview shows that instead of money at risk.
/// </summary>
public sealed record SalesModel(bool HasOrders, bool HasRenewals)
{
    public bool SellsByOrder => HasOrders && !HasRenewals;
}

/// <summary>
/// The store's <see cref="SalesModel"/>, kept until an import or edit changes the data (webhook intake writes responses
/// only). Two existence checks read outside the analytics lanes, so the menu of a light page never waits behind a computation.
/// </summary>
public sealed class SalesModelCache(StorePool pool, DataVersion version)
{
    sealed record Cached(long Hard, SalesModel Model);
    volatile Cached? _last;

    public async Task<SalesModel> GetAsync(CancellationToken cancellation = default)
    {
        var hard = version.Hard;
        if (_last is { } cached && cached.Hard == hard) return cached.Model;
        var model = await pool.ReadAsync(store => new SalesModel(
            store.Scalar<long>("SELECT COUNT(*) FROM (SELECT 1 FROM orders LIMIT 1) o") > 0,
            store.Scalar<long>("SELECT COUNT(*) FROM (SELECT 1 FROM outcomes WHERE kind IN ('renewal', 'churn', 'contraction', 'expansion') LIMIT 1) o") > 0), cancellation);
        _last = new Cached(hard, model);
        return model;
    }
}
