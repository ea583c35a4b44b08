namespace Fulcrum.Analytics.Themes.Text;

/// <summary>Turns cleaned texts into L2-normalised vectors (cosine similarity = dot product).</summary>
public interface ITextEmbedder : IDisposable
{
    /// <summary>Model name, stored with cached vectors and with theme centroids (vectors of different models never mix).</summary>
    string Model { get; }

    int Dimension { get; }

    /// <summary>
    /// True when a text's vector depends only on the text (so it can be cached by text hash). False for the fast lexical
    /// mode, whose IDF weights depend on the corpus.
    /// </summary>
    bool DependsOnTextOnly { get; }

    /// <summary>
    /// True when vectors encode what a sentence means (a sentence model), false when they encode the words it uses (the
    /// lexical mode, where two sentences sharing a product name are close whatever they say).
    /// </summary>
    bool Semantic { get; }

    /// <summary>
    /// True when the model was trained on English text only (all-MiniLM-L6-v2): on other languages its vectors follow shared
    /// spelling more than meaning, and a theme run says so.
    /// </summary>
    bool EnglishOnly => false;

    /// <summary>One unit vector per text, in input order. <paramref name="progress"/> receives the number of texts done so far.</summary>
    float[][] Embed(IReadOnlyList<string> texts, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
