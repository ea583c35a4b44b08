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
        Location = _all[0].Location;
    }

    /// <summary>Where the store lives; <see cref="StoreLocation.Display"/> is safe to show (no password).</summary>
    public StoreLocation Location { get; }

    /// <summary>The database file, or the PostgreSQL server and database without the password.</summary>
    public string Path => Location.Display;

    /// <summary>Opens one more connection (for the single writer), owned by the caller.</summary>
    public FulcrumStore OpenDedicated() => FulcrumStore.Open(Location);

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
