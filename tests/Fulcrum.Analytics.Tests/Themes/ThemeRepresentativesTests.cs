using Fulcrum.Analytics.Themes;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>A theme's examples: the remarks most of the theme makes, one per remark, not the sentences nearest a mixed centroid.</summary>
public class ThemeRepresentativesTests
{
    // Unit vectors in 3-D: two remarks (each reworded, cosine 0.98 within a remark) and one sentence between them.
    static readonly float[] Transformed = Unit(1, 0, 0), TransformedAgain = Unit(1, 0.2f, 0), Slow = Unit(0, 1, 0), SlowAgain = Unit(0.2f, 1, 0),
        Between = Unit(1, 1, 1), Odd = Unit(0, 0, 1);

    static readonly string[] Texts =
    [
        "It has transformed how our team works.", "It has transformed how our team works.", "It has transformed how our team works.",
        "It changed how our team works!", "It is a little slow.", "It is a little slow.", "It is somewhat slow.",
        "It is a little slow and it has changed how we work.", "Nobody asked.",
    ];

    static readonly float[][] Vectors = [Transformed, Transformed, Transformed, TransformedAgain, Slow, Slow, SlowAgain, Between, Odd];

    // The sentence between both remarks is nearest the theme's centroid, then the odd one, as a mixed theme's centre lies between its remarks.
    static readonly float[] Similarity = [0.6f, 0.6f, 0.6f, 0.6f, 0.6f, 0.6f, 0.6f, 0.95f, 0.7f];

    static IReadOnlyList<string> ExamplesOfTheOnlyTheme(IReadOnlyList<float[]>? vectors)
    {
        var mentions = new Mentions { Document = Enumerable.Range(0, Texts.Length).ToList(), Text = Texts, DocumentCount = Texts.Length };
        var assignment = new ThemeAssignment(new int[Texts.Length], Similarity, []);
        return ThemeEngine.Representatives(mentions, assignment, 1, vectors)[0];
    }

    [Fact]
    public void With_meaning_vectors_the_examples_are_the_most_paraphrased_remarks_one_per_remark()
    {
        // "transformed" is paraphrased by 4 mentions, "slow" by 3: each gives one example. The sentence between them is a remark
        // made once (under a quarter of the main one's 4, and under 2), so the main remark's rewording fills the third place.
        Assert.Equal(["It has transformed how our team works.", "It is a little slow.", "It changed how our team works!"], ExamplesOfTheOnlyTheme(Vectors));
    }

    [Fact]
    public void Without_meaning_vectors_the_examples_are_the_sentences_nearest_the_centre()
    {
        Assert.Equal(["It is a little slow and it has changed how we work.", "Nobody asked.", "It has transformed how our team works."], ExamplesOfTheOnlyTheme(null));
    }

    static float[] Unit(float x, float y, float z)
    {
        var norm = MathF.Sqrt(x * x + y * y + z * z);
        return [x / norm, y / norm, z / norm];
    }
}
