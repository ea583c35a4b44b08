namespace Fulcrum.Analytics.Linkage.FitCache;

/// <summary>
/// What a linkage fit costs to make and does not depend on assumptions: the bootstrap replicates (coefficients and
/// descriptive totals) and, when it was run, the cross-validation. The full-sample fit is not stored: it is one fit,
/// redone on every load so the models, designs and interned cells are the live objects.
/// </summary>
internal sealed record StoredLinkageFit(BootstrapFits Bootstrap, ModelQuality? Quality);

/// <summary>Where a run's bootstrap and cross-validation came from.</summary>
public enum LinkageFitSource
{
    /// <summary>Fitted in this run (and stored for the next).</summary>
    Fitted,
    /// <summary>Read from the store: fitted earlier on the same inputs with the same options.</summary>
    Stored,
}
