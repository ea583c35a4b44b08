using System.Threading.Channels;
using Fulcrum.Data.Store;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Store;

/// <summary>
/// The one writer of the store. DuckDB takes one writer at a time, so every write of the web app (webhook intake, uploads,
/// edits) is queued here and run on one connection. Queued intake writes are folded into one transaction per batch, and
/// each caller is acknowledged only after that transaction committed.
/// </summary>
public sealed class StoreWriter : BackgroundService
{
    readonly Channel<WriteJob> _queue = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
    readonly StorePool _pool;
    readonly DataVersion _version;
    readonly ILogger<StoreWriter> _logger;
    readonly int _batch;
    readonly TimeSpan _linger;

    public StoreWriter(StorePool pool, DataVersion version, IOptions<IntakeOptions> options, ILogger<StoreWriter> logger)
    {
        _pool = pool;
        _version = version;
        _logger = logger;
        _batch = Math.Max(1, options.Value.WriterBatch);
        _linger = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.WriterLingerMilliseconds));
    }

    /// <summary>Runs <paramref name="write"/> alone in the writer; <paramref name="changesData"/> invalidates cached analytics.</summary>
    public Task<T> RunAsync<T>(Func<FulcrumStore, T> write, bool changesData, CancellationToken cancellation = default)
    {
        var job = new SingleJob<T>(write, changesData);
        if (!_queue.Writer.TryWrite(job)) throw new InvalidOperationException("The store writer has stopped.");
        return job.Completion.Task.WaitAsync(cancellation);
    }

    /// <summary>Queues a batchable write: consecutive ones share one transaction.</summary>
    public Task<T> EnqueueBatchedAsync<T>(IBatchedWrite<T> write, CancellationToken cancellation = default)
    {
        var job = new BatchedJob<T>(write);
        if (!_queue.Writer.TryWrite(job)) throw new InvalidOperationException("The store writer has stopped.");
        return job.Completion.Task.WaitAsync(cancellation);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var store = _pool.OpenDedicated();
        var pending = new List<BatchedJob>();
        long pendingSince = 0;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_queue.Reader.TryRead(out var job))
                {
                    if (job is BatchedJob batched)
                    {
                        if (pending.Count == 0) pendingSince = System.Diagnostics.Stopwatch.GetTimestamp();
                        pending.Add(batched);
                        if (pending.Count >= _batch) Flush(store, pending);
                        continue;
                    }
                    Flush(store, pending);
                    job.Run(store);
                    if (job.ChangesData) { _version.Bump(); store.AnnounceChange(hard: true); }
                }
                // Linger a moment (counted from the oldest pending post) for posts already on their way, so concurrent
                // webhooks share a commit; a steady trickle still commits at least every linger interval.
                var waited = pending.Count == 0 ? TimeSpan.Zero : System.Diagnostics.Stopwatch.GetElapsedTime(pendingSince);
                if (pending.Count > 0 && waited < _linger && !_queue.Reader.TryPeek(out _))
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(_linger - waited);
                    try { if (await _queue.Reader.WaitToReadAsync(wait.Token)) continue; }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                }
                Flush(store, pending);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            foreach (var job in pending) job.Fail(new OperationCanceledException("The server is stopping."));
            while (_queue.Reader.TryRead(out var left)) left.Fail(new OperationCanceledException("The server is stopping."));
        }
    }

    void Flush(FulcrumStore store, List<BatchedJob> pending)
    {
        if (pending.Count == 0) return;
        try
        {
            using (var transaction = store.BeginTransaction())
            {
                BatchedJob.ApplyAll(store, transaction, pending);
                transaction.Commit();
            }
            _version.BumpSoft();
            store.AnnounceChange(hard: false);
            foreach (var job in pending) job.Acknowledge();
        }
        catch (Exception batchError)
        {
            // One bad write must not sink the others: retry each alone, so only the one at fault fails.
            _logger.LogWarning("A batch of {Count} writes failed ({Error}); retrying them one by one.", pending.Count, batchError.GetType().Name);
            foreach (var job in pending)
            {
                try
                {
                    using var transaction = store.BeginTransaction();
                    BatchedJob.ApplyAll(store, transaction, [job]);
                    transaction.Commit();
                    _version.BumpSoft();
                    store.AnnounceChange(hard: false);
                    job.Acknowledge();
                }
                catch (Exception e)
                {
                    job.Fail(e);
                }
            }
        }
        pending.Clear();
    }

    abstract class WriteJob
    {
        public virtual bool ChangesData => false;
        public abstract void Run(FulcrumStore store);
        public abstract void Fail(Exception error);
    }

    sealed class SingleJob<T>(Func<FulcrumStore, T> write, bool changesData) : WriteJob
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override bool ChangesData => changesData;

        public override void Run(FulcrumStore store)
        {
            try { Completion.SetResult(write(store)); }
            catch (Exception e) { Completion.SetException(e); }
        }

        public override void Fail(Exception error) => Completion.TrySetException(error);
    }

    abstract class BatchedJob : WriteJob
    {
        public override void Run(FulcrumStore store) => throw new InvalidOperationException("Batched writes run in a batch.");
        public abstract object Key { get; }
        public abstract void Acknowledge();

        /// <summary>Applies the writes grouped by kind, so each kind can plan its batch (e.g. collapse repeated keys).</summary>
        public static void ApplyAll(FulcrumStore store, System.Data.Common.DbTransaction transaction, IReadOnlyList<BatchedJob> jobs)
        {
            foreach (var group in jobs.GroupBy(j => j.Key))
                group.First().ApplyGroup(store, transaction, group.ToList());
        }

        protected abstract void ApplyGroup(FulcrumStore store, System.Data.Common.DbTransaction transaction, IReadOnlyList<BatchedJob> group);
    }

    sealed class BatchedJob<T>(IBatchedWrite<T> write) : BatchedJob
    {
        T? _result;
        public IBatchedWrite<T> Write => write;
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override object Key => write.BatchKey;
        public override void Acknowledge() => Completion.TrySetResult(_result!);
        public override void Fail(Exception error) => Completion.TrySetException(error);

        protected override void ApplyGroup(FulcrumStore store, System.Data.Common.DbTransaction transaction, IReadOnlyList<BatchedJob> group)
        {
            var writes = group.Cast<BatchedJob<T>>().ToList();
            var results = write.ApplyBatch(store, transaction, writes.Select(w => w.Write).ToList());
            for (var i = 0; i < writes.Count; i++) writes[i]._result = results[i];
        }

    }
}

/// <summary>A write that can share a transaction with others of its kind (same <see cref="BatchKey"/>).</summary>
public interface IBatchedWrite<T>
{
    object BatchKey { get; }

    /// <summary>Applies every write of the batch inside <paramref name="transaction"/>; returns one result per write, in order.</summary>
    IReadOnlyList<T> ApplyBatch(FulcrumStore store, System.Data.Common.DbTransaction transaction, IReadOnlyList<IBatchedWrite<T>> batch);
}
