using Fulcrum.Analytics.Themes.Sentiment;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes.Languages;

/// <summary>
/// Portuguese and Spanish sentiment on the labelled fixture. Macro-F1 is the mean of the positive and the negative class's F1
/// (scikit-learn's f1_score(average="macro", labels=["positive", "negative"])): a comment scored neutral counts as a miss of
/// its class. The lexicons and the fixture were written by the same hand, so these figures are optimistic for real comments;
/// the floors are the values measured when the lexicons were written, rounded down.
/// </summary>
public sealed class MultilingualSentimentTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("pt", 0.88)]
    [InlineData("es", 0.88)]
    public void Sentiment_macro_F1_on_the_labelled_fixture(string language, double floor)
    {
        var comments = LabelledComments.In(language);
        var predicted = comments.Select(c => MultilingualSentiment.Score(c.Text, language)!.Value.Label).ToList();
        var f1 = MacroF1(comments.Select(c => c.Label).ToList(), predicted);
        output.WriteLine($"{language}: macro-F1 {f1:F3} on {comments.Count} comments ({predicted.Count(p => p == "neutral")} scored neutral); wrong: " +
                         string.Join(" | ", comments.Where((c, i) => predicted[i] != c.Label).Select(c => $"{c.Label}: {c.Text}")));
        Assert.True(f1 >= floor, $"{language} macro-F1 {f1:F3} < {floor}");
    }

    [Theory]
    [InlineData("pt", "Recomendo", "Não recomendo")]
    [InlineData("pt", "Recebi o produto", "Nao recebi o produto")]
    [InlineData("pt", "Funciona muito bem", "Nunca funcionou bem")]
    [InlineData("es", "Lo recomiendo", "No lo recomiendo")]
    [InlineData("es", "Llegó a tiempo", "Nunca llegó")]
    [InlineData("es", "Funciona", "No funciona")]
    public void A_negation_turns_the_sentiment(string language, string plain, string negated)
    {
        Assert.Equal("positive", MultilingualSentiment.Score(plain, language)!.Value.Label);
        Assert.Equal("negative", MultilingualSentiment.Score(negated, language)!.Value.Label);
    }

    [Theory]
    [InlineData("pt", "Nunca mais compro aqui")]
    [InlineData("es", "Nunca más compro aquí")]
    [InlineData("es", "nunca mas compro aqui")]
    [InlineData("pt", "muito ruim")]
    [InlineData("pt", "Produto bonito, mas chegou quebrado")]
    [InlineData("es", "Bonito, pero llegó roto")]
    public void Complaints_read_negative(string language, string text) =>
        Assert.Equal("negative", MultilingualSentiment.Score(text, language)!.Value.Label);

    [Theory]
    [InlineData("fr", "Je suis très déçu de cet achat.")]
    [InlineData("de", "Sehr gute Qualität, ich bin zufrieden.")]
    public void A_language_without_a_model_has_no_sentiment_figure(string language, string text)
    {
        Assert.Null(MultilingualSentiment.Score(text, language));
        Assert.Contains("no sentiment model", MultilingualSentiment.Method(language));
    }

    [Fact]
    public void English_sentiment_is_the_English_lexicon_unchanged()
    {
        foreach (var text in new[] { "The delivery was fast and the product works great.", "Terrible quality, I want a refund.", "not bad at all" })
            Assert.Equal(LexiconSentiment.Score(text).Compound, MultilingualSentiment.Score(text, "en")!.Value.Compound);
        Assert.Equal(LexiconSentiment.Method, MultilingualSentiment.Method("en"));
    }

    static double MacroF1(IReadOnlyList<string> truth, IReadOnlyList<string> predicted) =>
        new[] { "positive", "negative" }.Average(c =>
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                if (truth[i] == c && predicted[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        });
}
