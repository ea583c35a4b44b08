using Fulcrum.Analytics.Themes.Sentiment;

namespace Fulcrum.Analytics.Tests.Themes.Sentiment;

/// <summary>
/// The lexicon's negation scope: a negator flips (×−0.74) the first sentiment word after it within its clause, however
/// far; two negators before one word multiply; punctuation, a hashtag or a clause-opening conjunction ends the scope. Expected values follow the rules by
/// hand: compound = s / √(s² + 15) with the lexicon's valences.
/// </summary>
public sealed class LexiconNegationTests
{
    const double Tolerance = 1e-9;

    static double Compound(double sum) => sum / Math.Sqrt(sum * sum + 15);

    [Theory]
    // "stupid" −2.4, four words after "never" (VADER's three-word window missed it).
    [InlineData("Your staff never make us feel stupid", -2.4 * -0.74)]
    // "complains" −1.6 right after "nobody".
    [InlineData("It's the one tool nobody complains about", -1.6 * -0.74)]
    [InlineData("We never had an issue", -1.0 * -0.74)]
    [InlineData("No problems at all", -1.7 * -0.74)]
    [InlineData("It works without problems", -1.7 * -0.74)]
    // Any word ending in n't negates.
    [InlineData("The reports mustn't be useless", -1.8 * -0.74)]
    public void A_negator_flips_the_first_sentiment_word_after_it_in_its_clause(string text, double sum) =>
        Assert.Equal(Compound(sum), LexiconSentiment.Score(text).Compound, Tolerance);

    [Theory]
    // "No," is a clause of its own: "great" (3.1) keeps its sign.
    [InlineData("No, the support is great", 3.1)]
    // "and" opens a new clause: "helpful" (1.8) is outside "never"'s scope.
    [InlineData("They never call back and the staff are helpful", 1.8)]
    // A full stop ends the scope.
    [InlineData("Not once. Support is great", 3.1)]
    // A hashtag is not part of the clause before it: "fail" (−2.5) keeps its sign.
    [InlineData("They can't board us #fail", -2.5)]
    // The negator is spent on the first sentiment word: "problems" (−1.7) flips, "great" (3.1) does not.
    [InlineData("Never had problems the staff are great", -1.7 * -0.74 + 3.1)]
    // A wh-clause is outside the scope: "bad" (−2.5) stays negative.
    [InlineData("I can't believe how bad it is", -2.5)]
    public void Punctuation_and_clause_conjunctions_end_the_scope(string text, double sum) =>
        Assert.Equal(Compound(sum), LexiconSentiment.Score(text).Compound, Tolerance);

    [Fact]
    public void Two_negators_in_a_clause_multiply_so_double_negation_keeps_the_sign()
    {
        // "not without problems" means there are problems: −1.7 × (−0.74)².
        Assert.Equal(Compound(-1.7 * 0.74 * 0.74), LexiconSentiment.Score("It is not without problems").Compound, Tolerance);
    }

    [Fact]
    public void Nor_negates_its_own_clause()
    {
        // "neither good nor reliable": each adjective is negated once, not "reliable" twice.
        Assert.Equal(Compound((1.9 + 1.9) * -0.74), LexiconSentiment.Score("It is neither good nor reliable").Compound, Tolerance);
    }

    [Theory]
    [InlineData("great support, fast answers", 3.1 + 0.9)]
    [InlineData("terrible and slow", -2.1 - 1.2)]
    public void Text_without_negators_is_scored_as_before(string text, double sum) =>
        Assert.Equal(Compound(sum), LexiconSentiment.Score(text).Compound, Tolerance);

    [Fact]
    public void Negated_praise_reads_negative()
    {
        Assert.Equal(Compound(1.9 * -0.74), LexiconSentiment.Score("The support is not good").Compound, Tolerance);
        Assert.Equal("negative", LexiconSentiment.Score("Nobody here is happy with it").Label);
    }
}
