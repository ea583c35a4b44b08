using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Transactions;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>
/// The business case a store gets: the renewal levers (<see cref="Renewals"/>) where renewal decisions link scores to churn and
/// expansion, else, for a business that sells by order, the repeat-purchase lever (<see cref="RepeatPurchase"/>). Exactly one is set.
/// </summary>
public sealed record BusinessCaseChoice(BusinessCaseRun? Renewals, RepeatPurchaseReport? RepeatPurchase);

/// <summary>
/// The one decision of which business case a store gets, shared by `fulcrum business-case` and `fulcrum analyze` so the two
/// never disagree: the renewal business case when the store can support it; when it cannot for want of data (no renewal
/// decisions) and the store records orders, the repeat purchase, a shop's soft → hard link; otherwise the refusal stands.
/// </summary>
public static class BusinessCaseBasis
{
    /// <param name="renewals">The renewal business case as the caller runs it (its own fit, progress display or a fit it already has).</param>
    /// <exception cref="LinkageException">The renewal business case cannot run and the store records no orders to fall back on.</exception>
    public static BusinessCaseChoice Choose(FulcrumStore store, Func<BusinessCaseRun> renewals, RepeatPurchaseOptions repeatOptions)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(renewals);
        try { return new BusinessCaseChoice(renewals(), null); }
        catch (MissingDataException) when (SellsByOrder(store))
        {
            return new BusinessCaseChoice(null, RepeatPurchaseAnalysis.Run(store, repeatOptions));
        }
    }

    /// <summary>The store records orders: without renewals its hard outcome is the repeat purchase.</summary>
    public static bool SellsByOrder(FulcrumStore store) => store.Count("orders") > 0;
}
