using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Fulcrum.Analytics.Facts;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Store;

/// <summary>
/// Runs an analysis (the same Fulcrum.Analytics entry points the CLI calls) and keeps its result while the data is
/// unchanged (<see cref="DataVersion"/>), so the dashboard and the API answer repeated questions without recomputing.
/// After webhook responses arrive, a cached result younger than <see cref="AnalyticsOptions.MaxStaleSeconds"/> is served
/// while a fresh one is computed in the background. Computations run one at a time per lane (quick figures; analyses that
/// take minutes on a large company): building the fact tables writes them into the store and two builds must not race.
/// </summary>
public sealed class AnalyticsRunner(StorePool pool, DataVersion version, IOptions<AnalyticsOptions> options, ILogger<AnalyticsRunner> logger)
{
    sealed record Entry(long Hard, long Soft, long ComputedAt, object Result);

    readonly ConcurrentDictionary<string, Entry> _cache = new();
    readonly ConcurrentDictionary<string, byte> _refreshing = new();
    readonly SemaphoreSlim _lane = new(1, 1);
    // Analyses that take minutes on a large company run in a second lane, so the dashboard's quick figures never queue
    // behind them. Before one starts, the shared fact tables are brought up to date in the quick lane, so the two lanes
    // never build the same table at once.
    readonly SemaphoreSlim _slowLane = new(1, 1);
    static readonly string[] SlowAnalyses = ["business-case", "revalue", "cohorts", "themes", "value", "drivers", "report", "repeat-purchase"];
    const int MaxEntries = 512;

    readonly ConcurrentDictionary<string, AnalysisProgress> _progress = new();
    readonly ConcurrentDictionary<string, Task> _started = new();

    /// <summary>The cached result when it is fresh; never computes and never waits.</summary>
    public bool TryGetFresh<T>(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T result) where T : notnull
    {
        var fresh = _cache.TryGetValue(key, out var hit) && hit.Hard == version.Hard && hit.Soft == version.Soft;
        result = fresh ? (T)hit!.Result : default;
        return fresh;
    }

    /// <summary>
    /// The fresh result if there is one; otherwise starts computing it in the background (once, however often asked)
    /// and returns null with how far it has got, so a page can show progress instead of a request hanging for minutes.
    /// </summary>
    public (T? Result, AnalysisProgress Progress) GetOrStart<T>(string key, Func<AnalysisFacts, T> analysis) where T : class
    {
        if (TryGetFresh<T>(key, out var ready)) return (ready, AnalysisProgress.Finished);
        ThrowIfFailed(key);
        var task = _started.GetOrAdd(key, k => Task.Run(async () =>
        {
            var (hard, soft) = (version.Hard, version.Soft);
            try { await RunAsync(k, analysis, CancellationToken.None); }
            catch (Exception e)
            {
                // Kept for this data version: asked again, the caller gets the reason (e.g. no renewals on record) instead of
                // a computation that restarts and fails forever while the page shows "Computing…".
                _failed[k] = new Failure(hard, soft, ExceptionDispatchInfo.Capture(e));
                logger.LogWarning("Background computation of {Key} failed: {Error}", k, e.Message);
            }
            finally { _started.TryRemove(k, out _); }
        }));
        // A computation that ended between the two looks: its result is cached, or its failure is kept.
        if (task.IsCompleted)
        {
            if (TryGetFresh<T>(key, out ready)) return (ready, AnalysisProgress.Finished);
            ThrowIfFailed(key);
        }
        return (null, _progress.TryGetValue(key, out var progress) ? progress : AnalysisProgress.Waiting);
    }

    sealed record Failure(long Hard, long Soft, ExceptionDispatchInfo Error);
    readonly ConcurrentDictionary<string, Failure> _failed = new();

    /// <summary>Rethrows the failure of the last background computation of <paramref name="key"/> when the data has not changed since.</summary>
    void ThrowIfFailed(string key)
    {
        if (!_failed.TryGetValue(key, out var failure)) return;
        if (failure.Hard == version.Hard && failure.Soft == version.Soft) failure.Error.Throw();
        _failed.TryRemove(key, out _);
    }

    /// <summary>Where an analysis stores its progress (stage and steps) for <see cref="GetOrStart{T}"/> to report.</summary>
    public IProgress<(string Stage, int Done, int Total)> ProgressOf(string key) => new Reporter(this, key);

    sealed class Reporter(AnalyticsRunner runner, string key) : IProgress<(string Stage, int Done, int Total)>
    {
        public void Report((string Stage, int Done, int Total) value) =>
            runner._progress.AddOrUpdate(key, _ => AnalysisProgress.Running(value.Stage, value.Done, value.Total, Stopwatch.GetTimestamp()),
                (_, old) => old with { Stage = value.Stage, Done = value.Done, Total = value.Total });
    }

    public async Task<T> RunAsync<T>(string key, Func<AnalysisFacts, T> analysis, CancellationToken cancellation = default) where T : notnull
    {
        if (_cache.TryGetValue(key, out var hit) && hit.Hard == version.Hard)
        {
            if (hit.Soft == version.Soft) return (T)hit.Result;
            if (Stopwatch.GetElapsedTime(hit.ComputedAt).TotalSeconds < options.Value.MaxStaleSeconds)
            {
                RefreshInBackground(key, analysis);
                return (T)hit.Result;
            }
        }
        return await ComputeAsync(key, analysis, cancellation);
    }

    /// <summary>Drops cached results whose key starts with one of <paramref name="prefixes"/> (a change that touches only them).</summary>
    public void Invalidate(params string[] prefixes)
    {
        foreach (var key in _cache.Keys)
            if (prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) _cache.TryRemove(key, out _);
        foreach (var key in _failed.Keys)
            if (prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) _failed.TryRemove(key, out _);
    }

    /// <summary>Computes without caching (for analyses that store what they find, like an alert scan).</summary>
    public async Task<T> RunUncachedAsync<T>(Func<AnalysisFacts, T> analysis, CancellationToken cancellation = default)
    {
        await _lane.WaitAsync(cancellation);
        try { return await pool.ReadAsync(store => analysis(new AnalysisFacts(store)), cancellation); }
        finally { _lane.Release(); }
    }

    async Task<T> ComputeAsync<T>(string key, Func<AnalysisFacts, T> analysis, CancellationToken cancellation) where T : notnull
    {
        var slow = SlowAnalyses.Any(p => key.StartsWith(p, StringComparison.Ordinal));
        var lane = slow ? _slowLane : _lane;
        await lane.WaitAsync(cancellation);
        try
        {
            if (slow) await PrepareSharedFactsAsync(cancellation);
            return await ComputeInLaneAsync(key, analysis, cancellation);
        }
        finally
        {
            lane.Release();
        }
    }

    async Task PrepareSharedFactsAsync(CancellationToken cancellation)
    {
        await _lane.WaitAsync(cancellation);
        try
        {
            await pool.ReadAsync(store =>
            {
                new AnalysisFacts(store).BuildShared();
                return 0;
            }, cancellation);
        }
        finally
        {
            _lane.Release();
        }
    }

    async Task<T> ComputeInLaneAsync<T>(string key, Func<AnalysisFacts, T> analysis, CancellationToken cancellation) where T : notnull
    {
        var (hard, soft) = (version.Hard, version.Soft);
        if (_cache.TryGetValue(key, out var hit) && hit.Hard == hard && hit.Soft == soft) return (T)hit.Result;
        _progress[key] = AnalysisProgress.Running("Starting", 0, 0, Stopwatch.GetTimestamp());
        T result;
        try { result = await pool.ReadAsync(store => analysis(new AnalysisFacts(store)), cancellation); }
        finally { _progress.TryRemove(key, out _); }
        if (_cache.Count >= MaxEntries) _cache.Clear();
        _cache[key] = new Entry(hard, soft, Stopwatch.GetTimestamp(), result);
        return result;
    }

    void RefreshInBackground<T>(string key, Func<AnalysisFacts, T> analysis) where T : notnull
    {
        if (!_refreshing.TryAdd(key, 0)) return;
        _ = Task.Run(async () =>
        {
            try { await ComputeAsync(key, analysis, CancellationToken.None); }
            catch (Exception e) { logger.LogWarning("Background refresh of {Key} failed: {Error}", key, e.Message); }
            finally { _refreshing.TryRemove(key, out _); }
        });
    }
}

/// <summary>How far a computation has got: its stage and, where it counts steps (bootstrap resamples), done of total.</summary>
public sealed record AnalysisProgress(string State, string Stage, int Done, int Total, long StartedAt)
{
    public static readonly AnalysisProgress Finished = new("done", "", 0, 0, 0);
    public static readonly AnalysisProgress Waiting = new("queued", "Waiting for another analysis to finish", 0, 0, 0);

    public static AnalysisProgress Running(string stage, int done, int total, long startedAt) => new("running", stage, done, total, startedAt);

    /// <summary>Seconds since the computation started (0 while queued).</summary>
    public double ElapsedSeconds => StartedAt == 0 ? 0 : Math.Round(Stopwatch.GetElapsedTime(StartedAt).TotalSeconds, 1);
}
