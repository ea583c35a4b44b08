using Fulcrum.Analytics.Themes;

namespace Fulcrum.Analytics.Tests.Themes.Text;

public class MentionsTests
{
    [Fact]
    public void Distinct_texts_from_the_sentence_numbers_are_those_of_the_texts_themselves()
    {
        string[] comments =
        [
            "Support is slow. Tickets sit for days.", "Tickets sit for days. Support is slow.", "", "Support is slow.",
            "Support is slow. Tickets sit for days.", "The invoices are wrong again; nobody answers the phone.",
        ];
        var mentions = Mentions.FromComments(comments);
        Assert.NotNull(mentions.Sentence);
        var byNumber = mentions.DistinctTexts();
        var byText = new Mentions { Document = mentions.Document, Text = mentions.Text, DocumentCount = mentions.DocumentCount }.DistinctTexts();
        Assert.Equal(byText.First, byNumber.First);
        Assert.Equal(byText.Slot, byNumber.Slot);
        Assert.Equal(4, byNumber.First.Count); // "Support is slow.", "Tickets sit for days.", and the last comment's two clauses
    }
}
