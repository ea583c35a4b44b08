namespace Fulcrum.Web.Store;

/// <summary>
/// Counters bumped after committed writes, so cached analytics results are used only while the data they came from is
/// unchanged. <see cref="Hard"/> changes (an import, an edited assumption) invalidate at once; <see cref="Soft"/> changes
/// (responses arriving through the webhook, a stream of small additions) let a cached figure be served for a short while
/// as it is recomputed in the background. The store is held by this process (DuckDB admits one writing process), so no
/// other process can change it behind our back.
/// </summary>
public sealed class DataVersion
{
    long _hard, _soft;
    public long Hard => Interlocked.Read(ref _hard);
    public long Soft => Interlocked.Read(ref _soft);
    public void Bump() => Interlocked.Increment(ref _hard);
    public void BumpSoft() => Interlocked.Increment(ref _soft);
}
