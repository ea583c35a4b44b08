using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes.Languages;

public sealed class MultilingualThemesTests(MultilingualThemesFixture data, ITestOutputHelper output) : IClassFixture<MultilingualThemesFixture>
{
    readonly FulcrumStore _store = data.Store;
    readonly ThemeRunResult _run = data.Run;

    [Fact]
    public void The_language_mix_is_reported_and_stored()
    {
        var mix = _run.Languages!.ToDictionary(l => l.Code);
        foreach (var l in _run.Languages!) output.WriteLine($"{l.Code} {l.Comments} {l.Share:P1} sentiment={l.HasSentiment}");
        var truth = LabelledComments.All.ToDictionary(c => c.Text, c => c.Language);
        foreach (var twin in MultilingualThemesFixture.AccentTwins) truth[AccentFolding.Fold(twin.Text)] = twin.Language;
        var told = _store.Query<(string Comment, string Language)>("SELECT r.comment, s.language FROM response_sentiment s JOIN responses r USING (response_id)").ToList();
        output.WriteLine("told wrong: " + string.Join(" | ", told.Where(t => truth[t.Comment] != t.Language).Select(t => $"{truth[t.Comment]}→{t.Language}: {t.Comment}")));
        // Short comments with few function words may be told wrong; the mix is still within a few comments of the truth.
        Assert.InRange(mix["pt"].Comments, 104, 124); // 109 + 10 accent twins
        Assert.InRange(mix["es"].Comments, 104, 124); // 109 + 10 accent twins
        Assert.False(mix["fr"].HasSentiment);
        Assert.True(mix["pt"].HasSentiment);
        Assert.Equal(_run.Comments, _run.Languages!.Sum(l => l.Comments));
        var stored = _store.Query<(string Language, long N)>("SELECT language, COUNT(*) FROM response_sentiment GROUP BY language").ToDictionary(r => r.Language, r => r.N);
        Assert.Equal(mix["pt"].Comments, stored["pt"]);
    }

    /// <summary>
    /// A theme may gather comments of several languages ("não recebi" and "no recibí" are one complaint), so each phrase of a label
    /// is checked against the stop words of the language of the comments it comes from.
    /// </summary>
    [Fact]
    public void No_theme_label_or_key_phrase_holds_a_stop_word_of_its_language()
    {
        var fixture = LabelledComments.All.Select(c => (Folded: " " + string.Join(' ', Tokens.Words(AccentFolding.Fold(c.Text))) + " ", c.Language)).ToList();
        // Words that are stop words in both Portuguese and Spanish ("de", "que", "o", "a", "e"…) are in no label at all.
        var shared = StopWordLists.For("pt").Intersect(StopWordLists.For("es")).ToHashSet();
        Assert.Contains("de", shared);
        foreach (var theme in _run.Themes)
        {
            output.WriteLine($"{theme.ThemeId} {theme.Comments}: {theme.Label}  ||  {string.Join(", ", theme.Keywords)}");
            foreach (var phrase in theme.Label.Split(" / ").Concat(theme.Keywords))
            {
                var words = Tokens.Words(AccentFolding.Fold(phrase));
                Assert.False(words.Any(shared.Contains), $"{theme.ThemeId} '{phrase}' holds a stop word of Portuguese and Spanish");
                var key = " " + string.Join(' ', words) + " ";
                var language = fixture.Where(c => c.Folded.Contains(key, StringComparison.Ordinal)).GroupBy(c => c.Language)
                    .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
                Assert.NotNull(language); // every label phrase is the customers' own words
                if (language != "en") Assert.False(words.Any(w => StopWordLists.IsStopWord(language, w)), $"{theme.ThemeId} '{phrase}' holds a stop word of {language}");
            }
        }
    }

    [Fact]
    public void Accent_variants_land_in_one_theme_and_one_key_phrase()
    {
        var primary = _store.Query<(string Comment, string ThemeId)>("""
            SELECT r.comment, t.theme_id FROM response_themes t JOIN responses r USING (response_id) WHERE t.is_primary
            """).GroupBy(p => p.Comment).ToDictionary(g => g.Key, g => g.Select(p => p.ThemeId).ToHashSet());
        var language = _store.Query<(string Comment, string Language)>("SELECT r.comment, s.language FROM response_sentiment s JOIN responses r USING (response_id)")
            .GroupBy(p => p.Comment).ToDictionary(g => g.Key, g => g.First().Language);
        foreach (var twin in MultilingualThemesFixture.AccentTwins)
        {
            var plain = AccentFolding.Fold(twin.Text);
            output.WriteLine($"{twin.Text} [{language[twin.Text]}] → {string.Join(",", primary[twin.Text])}; {plain} [{language[plain]}] → {string.Join(",", primary[plain])}");
            Assert.Equal(language[twin.Text], language[plain]);
            Assert.Equal(primary[twin.Text], primary[plain]);
        }
        // No theme lists one phrase twice, with and without accents, and the phrase shows as most customers spelled it.
        Assert.All(_run.Themes, t => Assert.Equal(t.Keywords.Count, t.Keywords.Select(AccentFolding.Fold).Distinct().Count()));
        Assert.DoesNotContain(_run.Themes.SelectMany(t => t.Keywords), k => k == "nao recebi");
        Assert.Contains(_run.Themes.SelectMany(t => t.Keywords), k => k == "não recebi");
    }

    [Fact]
    public void Comments_without_a_sentiment_model_have_no_sentiment_figure_and_a_notice_says_so()
    {
        var rows = _store.Query<(string Language, double? Score, string? Label, string Method)>("SELECT language, score, label, method FROM response_sentiment").ToList();
        Assert.All(rows.Where(r => r.Language is "fr" or "de"), r =>
        {
            Assert.Null(r.Score);
            Assert.Null(r.Label);
            Assert.Contains("no sentiment model", r.Method);
        });
        Assert.All(rows.Where(r => r.Language is "pt" or "es" or "en"), r => Assert.NotNull(r.Score));
        Assert.Contains(rows, r => r.Language == "fr");
        var unscoredLinks = _store.Scalar<long>("""
            SELECT COUNT(*) FROM response_themes t JOIN response_sentiment s USING (response_id) WHERE s.language IN ('fr', 'de') AND t.sentiment IS NOT NULL
            """);
        Assert.Equal(0, unscoredLinks);
        Assert.Contains(_run.Notices!, n => n.Contains("No sentiment model for French and German", StringComparison.Ordinal) && n.Contains("never 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Portuguese_and_Spanish_complaints_score_negative_in_the_store()
    {
        var negative = LabelledComments.All.Where(c => c.Language is "pt" or "es" && c.Label == "negative").Select(c => c.Text).ToHashSet();
        var scores = _store.Query<(string Comment, double? Score)>("SELECT r.comment, s.score FROM response_sentiment s JOIN responses r USING (response_id)").ToList();
        var complaintScores = scores.Where(s => negative.Contains(s.Comment)).Select(s => s.Score!.Value).ToList();
        Assert.True(complaintScores.Average() < -0.2, $"mean {complaintScores.Average():F3}");
    }

    [Fact]
    public void An_English_only_embedding_model_on_mostly_non_English_comments_says_so()
    {
        var notice = Assert.Single(data.EnglishOnlyRun.Notices!, n => n.Contains("trained on English only", StringComparison.Ordinal));
        output.WriteLine(notice);
        Assert.StartsWith("Most comments (", notice);
        Assert.Contains("english-only-test-model", notice);
        // The lexical mode needs no English, so it says nothing of the kind.
        Assert.DoesNotContain(_run.Notices!, n => n.Contains("trained on English only", StringComparison.Ordinal));
    }
}
