using System.Collections.Concurrent;

namespace Fulcrum.Data.Import.Sources;

/// <summary>
/// Reads another source on a background thread, a batch of records ahead, so that parsing the file overlaps with
/// mapping and validating it. Records come out in file order; an error while reading surfaces at the record where it happened.
/// </summary>
public sealed class ReadAheadSourceReader : ISourceReader
{
    // A batch holds about this many values, so a file with many columns gets shorter batches, not gigabytes of buffers.
    const int ValuesPerBatch = 2048 * 64;

    sealed class Batch(int columns, int size)
    {
        public readonly string?[][] Values = Enumerable.Range(0, size).Select(_ => new string?[columns]).ToArray();
        public readonly long[] Lines = new long[size];
        public readonly int[] FieldCounts = new int[size];
        public int Count;
        public double Progress;
        public Exception? Error;
    }

    readonly ISourceReader _inner;
    readonly BlockingCollection<Batch> _full = new(boundedCapacity: 4);
    readonly BlockingCollection<Batch> _empty = new();
    readonly CancellationTokenSource _stop = new();
    readonly Task _producer;
    readonly int _batchSize;
    Batch? _current;
    int _index = -1;

    public ReadAheadSourceReader(ISourceReader inner)
    {
        _inner = inner;
        Columns = inner.Columns;
        _batchSize = Math.Clamp(ValuesPerBatch / Math.Max(1, Columns.Count), 16, 2048);
        for (var i = 0; i < 6; i++) _empty.Add(new Batch(Columns.Count, _batchSize));
        _producer = Task.Factory.StartNew(Produce, TaskCreationOptions.LongRunning);
    }

    public string FilePath => _inner.FilePath;
    public IReadOnlyList<string> Columns { get; }
    public long Line => _current!.Lines[_index];
    public int FieldCount => _current!.FieldCounts[_index];
    public double Progress => _current?.Progress ?? 0;

    public bool Read()
    {
        while (true)
        {
            if (_current is not null && ++_index < _current.Count) return true;
            if (_current is not null)
            {
                if (_current.Error is { } error) throw error;
                _empty.Add(_current);
            }
            if (!_full.TryTake(out _current, Timeout.Infinite)) { _current = null; return false; }
            _index = -1;
        }
    }

    public string? Get(int index) => index < Columns.Count ? _current!.Values[_index][index] : null;

    void Produce()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var batch = _empty.Take(_stop.Token);
                batch.Count = 0;
                batch.Error = null;
                try
                {
                    while (batch.Count < _batchSize && _inner.Read())
                    {
                        var values = batch.Values[batch.Count];
                        for (var c = 0; c < values.Length; c++) values[c] = _inner.Get(c);
                        batch.Lines[batch.Count] = _inner.Line;
                        batch.FieldCounts[batch.Count] = _inner.FieldCount;
                        batch.Count++;
                    }
                }
                catch (Exception e)
                {
                    batch.Error = e;
                }
                batch.Progress = _inner.Progress;
                var last = batch.Count < _batchSize || batch.Error is not null;
                _full.Add(batch, _stop.Token);
                if (last) break;
            }
        }
        catch (OperationCanceledException) { /* the consumer stopped early */ }
        finally
        {
            _full.CompleteAdding();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _producer.Wait(); } catch (AggregateException) { /* cancelled */ }
        _inner.Dispose();
        _full.Dispose();
        _empty.Dispose();
        _stop.Dispose();
    }
}
