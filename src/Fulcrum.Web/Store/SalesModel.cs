namespace Fulcrum.Web.Store;

/// <summary>
/// How the store's customers buy: by order (orders on record and no renewal decisions) or by renewing. A business that
/// sells by order has no churn at renewal to link scores to; its money figure is the repeat purchase (what `fulcrum
/// business-case` values for it), so the Overview shows that instead of money at risk.
/// </summary>
public sealed record SalesModel(bool HasOrders, bool HasRenewals)
{
    public bool SellsByOrder => HasOrders && !HasRenewals;

    /// <summary>Cached until the data changes.</summary>
    public static Task<SalesModel> ReadAsync(AnalyticsRunner runner, CancellationToken cancellation) =>
        runner.RunAsync("sales-model", facts => new SalesModel(facts.Store.Count("orders") > 0,
            facts.Store.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind IN ('renewal', 'churn', 'contraction', 'expansion')") > 0), cancellation);
}
