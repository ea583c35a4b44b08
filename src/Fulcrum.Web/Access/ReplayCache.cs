using System.Collections.Concurrent;

namespace Fulcrum.Web.Access;

/// <summary>
/// Signatures of accepted webhook posts, kept until their timestamp leaves the tolerance window: a captured post sent
/// again is refused, within the window by this cache and after it by its timestamp. Held in memory; the window bounds it.
/// </summary>
public sealed class ReplayCache(TimeProvider clock)
{
    readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    long _lastPrune;

    /// <returns>False when the signature was seen before (a replay).</returns>
    public bool TryUse(string signature, DateTimeOffset forgetAfter)
    {
        Prune();
        return _seen.TryAdd(signature, forgetAfter);
    }

    void Prune()
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastPrune);
        if (now.UtcTicks - last < TimeSpan.TicksPerSecond * 10 || Interlocked.CompareExchange(ref _lastPrune, now.UtcTicks, last) != last) return;
        foreach (var (signature, until) in _seen)
            if (until < now) _seen.TryRemove(signature, out _);
    }
}
