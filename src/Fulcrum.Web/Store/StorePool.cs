using System.Threading.Channels;
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
    readonly Channel<FulcrumStore> _idle;
    readonly List<FulcrumStore> _all = [];

    public StorePool(IOptions<StoreOptions> options)
    {
        Path = options.Value.Path;
        var size = Math.Max(1, options.Value.ReadConnections);
        _idle = Channel.CreateBounded<FulcrumStore>(size);
        for (var i = 0; i < size; i++)
        {
            var store = FulcrumStore.Open(Path);
            _all.Add(store);
            _idle.Writer.TryWrite(store);
        }
        Path = _all[0].Path;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens one more connection (for the single writer), owned by the caller.</summary>
    public FulcrumStore OpenDedicated() => FulcrumStore.Open(Path);

    public async Task<T> ReadAsync<T>(Func<FulcrumStore, T> read, CancellationToken cancellation = default)
    {
        var store = await _idle.Reader.ReadAsync(cancellation);
        try { return read(store); }
        finally { _idle.Writer.TryWrite(store); }
    }

    public void Dispose()
    {
        foreach (var store in _all) store.Dispose();
    }
}
