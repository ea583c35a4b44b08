using System.Collections.Concurrent;
using Fulcrum.Analytics.Facts;

namespace Fulcrum.Web.Store;

/// <summary>
/// Runs an analysis (the same Fulcrum.Analytics entry points the CLI calls) and keeps its result while the data is
/// unchanged (<see cref="DataVersion"/>), so the dashboard and the API answer repeated questions without recomputing.
/// Misses run one at a time: building the fact tables writes them into the store, and two builds must not race; it
/// also keeps the two cores free for intake.
/// </summary>
public sealed class AnalyticsRunner(StorePool pool, DataVersion version)
{
    readonly ConcurrentDictionary<string, (long Version, object Result)> _cache = new();
    readonly SemaphoreSlim _lane = new(1, 1);
    const int MaxEntries = 512;

    public async Task<T> RunAsync<T>(string key, Func<AnalysisFacts, T> analysis, CancellationToken cancellation = default) where T : notnull
    {
        var current = version.Current;
        if (_cache.TryGetValue(key, out var hit) && hit.Version == current) return (T)hit.Result;
        await _lane.WaitAsync(cancellation);
        try
        {
            current = version.Current;
            if (_cache.TryGetValue(key, out hit) && hit.Version == current) return (T)hit.Result;
            var result = await pool.ReadAsync(store => analysis(new AnalysisFacts(store)), cancellation);
            if (_cache.Count >= MaxEntries) _cache.Clear();
            _cache[key] = (current, result);
            return result;
        }
        finally
        {
            _lane.Release();
        }
    }
}
