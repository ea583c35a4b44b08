using System.Text;
using System.Text.RegularExpressions;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Tests.Themes.Text;

public class SentenceSplitterTests
{
    /// <summary>The splitter as it was written with the regular expression its scan replaces.</summary>
    static List<string> ByRegex(string cleaned)
    {
        var sentences = new List<string>();
        foreach (var raw in Regex.Split(cleaned, @"(?<=[.!?;…])\s+|\n+"))
        {
            var s = raw.Trim();
            if (s.Length == 0) continue;
            if (sentences.Count > 0 && Tokens.ContentWordCount(s) < 2) sentences[^1] = sentences[^1] + " " + s;
            else sentences.Add(s);
        }
        if (sentences.Count > 1 && Tokens.ContentWordCount(sentences[0]) < 2)
        {
            sentences[1] = sentences[0] + " " + sentences[1];
            sentences.RemoveAt(0);
        }
        return sentences;
    }

    [Theory]
    [InlineData("Support is slow. Tickets sit for days.")]
    [InlineData("Thanks! The new dashboard saves us hours every week; billing is still confusing…  Great team.")]
    [InlineData("Line one has words\nline two has more words\n\n\nfinal line here")]
    [InlineData(".\n. \t\u00a0x?  \n;")]
    [InlineData("")]
    [InlineData("   ")]
    public void Splits_where_the_regular_expression_did(string text) => Assert.Equal(ByRegex(text), SentenceSplitter.Split(text));

    [Fact]
    public void Splits_random_text_where_the_regular_expression_did()
    {
        string[] pieces = ["support", "is", "slow", "the", "tickets", "sit", "ok", "great", "team", " ", "  ", ".", "!", "?", ";", "…", "\n", "\n\n", "\t", "\u00a0", ",", "x"];
        var rng = new Random(5);
        for (var n = 0; n < 5000; n++)
        {
            var text = new StringBuilder();
            for (var k = rng.Next(0, 25); k > 0; k--) text.Append(pieces[rng.Next(pieces.Length)]).Append(rng.Next(3) == 0 ? "" : " ");
            Assert.Equal(ByRegex(text.ToString()), SentenceSplitter.Split(text.ToString()));
        }
    }
}
