using System.Collections.Concurrent;
using Fulcrum.Data.Store;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Store;

/// <summary>
/// Read connections to the store, opened once at start (opening migrates the schema, so it is done serially) and lent
/// to one request at a time: a <see cref="FulcrumStore"/> is not thread-safe. DuckDB.NET shares one database instance
/// between the connections of a process, so readers see every commit of the <see cref="StoreWriter"/>.
/// </summary>
public sealed class StorePool : IDisposable
{
    readonly ConcurrentBag<FulcrumStore> _idle = [];
    readonly List<FulcrumStore> _all = [];
    readonly SemaphoreSlim _available;
    volatile bool _disposed;

    public StorePool(IOptions<StoreOptions> options)
    {
        var size = Math.Max(1, options.Value.ReadConnections);
        for (var i = 0; i < size; i++)
        {
            var store = FulcrumStore.Open(options.Value.Path);
            _all.Add(store);
            _idle.Add(store);
        }
        _available = new SemaphoreSlim(size, size);
        Path = _all[0].Path;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens one more connection (for the single writer), owned by the caller.</summary>
    public FulcrumStore OpenDedicated() => FulcrumStore.Open(Path);

    public async Task<T> ReadAsync<T>(Func<FulcrumStore, T> read, CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _available.WaitAsync(cancellation);
        _idle.TryTake(out var store);
        try { return read(store!); }
        finally
        {
            _idle.Add(store!);
            _available.Release();
        }
    }

    /// <summary>Waits (up to a minute) for lent connections to come back, so no query is cut off mid-flight, then closes them.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        for (var i = 0; i < _all.Count; i++) _available.Wait(TimeSpan.FromMinutes(1));
        foreach (var store in _all) store.Dispose();
    }
}
