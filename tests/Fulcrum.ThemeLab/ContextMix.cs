using System.Numerics.Tensors;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.ThemeLab;

/// <summary>
/// Prototype (cooc22): each sentence's vector mixed with its comment's context, v' = normalise(v + λ · mean of the comment's
/// other sentences), so the same sentence leans towards what its comment is about. A sentence alone in its comment keeps its
/// vector (and shares it with its repeats).
/// </summary>
static class ContextMix
{
    public static float[][] Vectors(Corpus corpus, float[][] raw, double lambda)
    {
        var document = corpus.Mentions.Document;
        var mixed = new float[raw.Length][];
        var i0 = 0;
        while (i0 < raw.Length)
        {
            var i1 = i0;
            while (i1 < raw.Length && document[i1] == document[i0]) i1++;
            if (i1 - i0 == 1) mixed[i0] = raw[i0];
            else
            {
                var sum = new float[raw[i0].Length];
                for (var i = i0; i < i1; i++) TensorPrimitives.Add(sum, raw[i], sum);
                for (var i = i0; i < i1; i++)
                {
                    var v = new float[sum.Length];
                    TensorPrimitives.Subtract(sum, raw[i], v);
                    TensorPrimitives.Multiply(v, (float)(lambda / (i1 - i0 - 1)), v);
                    TensorPrimitives.Add(v, raw[i], v);
                    VectorMath.Normalize(v);
                    mixed[i] = v;
                }
            }
            i0 = i1;
        }
        return mixed;
    }
}
