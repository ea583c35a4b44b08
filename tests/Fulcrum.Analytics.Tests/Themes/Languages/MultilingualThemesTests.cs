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
        Assert.InRange(mix["pt"].Comments, 100, 115);
        Assert.InRange(mix["es"].Comments, 100, 115);
        Assert.False(mix["fr"].HasSentiment);
        Assert.True(mix["pt"].HasSentiment);
        Assert.Equal(_run.Comments, _run.Languages!.Sum(l => l.Comments));
        var stored = _store.Query<(string Language, long N)>("SELECT language, COUNT(*) FROM response_sentiment GROUP BY language").ToDictionary(r => r.Language, r => r.N);
        Assert.Equal(mix["pt"].Comments, stored["pt"]);
    }

    [Fact]
    public void No_theme_label_or_key_phrase_holds_a_stop_word_of_its_language()
    {
        var languageOf = LabelledComments.All.ToDictionary(c => TextCleaner.Clean(c.Text), c => c.Language);
        var comments = _store.Query<(string ResponseId, string Comment)>("SELECT response_id, comment FROM responses WHERE comment IS NOT NULL")
            .ToDictionary(r => r.ResponseId, r => languageOf[TextCleaner.Clean(r.Comment)]);
        var links = _store.Query<(string ResponseId, string ThemeId)>("SELECT response_id, theme_id FROM response_themes").ToList();
        // Words that are stop words in both Portuguese and Spanish ("de", "que", "o", "a", "e"…) are in no label at all.
        var shared = StopWordLists.For("pt").Intersect(StopWordLists.For("es")).ToHashSet();
        Assert.Contains("de", shared);
        foreach (var theme in _run.Themes)
        {
            var language = links.Where(l => l.ThemeId == theme.ThemeId).GroupBy(l => comments[l.ResponseId]).OrderByDescending(g => g.Count()).First().Key;
            output.WriteLine($"{theme.ThemeId} [{language}] {theme.Comments}: {theme.Label}  ||  {string.Join(", ", theme.Keywords)}");
            var words = Tokens.Words(theme.Label).Concat(theme.Keywords.SelectMany(Tokens.Words)).Select(AccentFolding.Fold).ToList();
            Assert.DoesNotContain(words, w => shared.Contains(w));
            if (language != "en") Assert.DoesNotContain(Tokens.Words(theme.Label), w => StopWordLists.IsStopWord(language, w));
        }
    }

    [Fact]
    public void Accent_variants_land_in_one_theme_and_one_key_phrase()
    {
        var primary = _store.Query<(string Comment, string ThemeId)>("""
            SELECT r.comment, t.theme_id FROM response_themes t JOIN responses r USING (response_id) WHERE t.is_primary
            """).ToList();
        var accented = primary.Where(p => p.Comment.Contains("não recebi", StringComparison.OrdinalIgnoreCase)).ToList();
        var plain = primary.Where(p => p.Comment.Contains("nao recebi", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(accented.Count >= 5 && plain.Count >= 5, $"{accented.Count} accented, {plain.Count} plain");
        var theme = accented.Concat(plain).GroupBy(p => p.ThemeId).OrderByDescending(g => g.Count()).First().Key;
        output.WriteLine($"accented: {string.Join(", ", accented.Select(p => p.ThemeId))}; plain: {string.Join(", ", plain.Select(p => p.ThemeId))}");
        // Most of each spelling is in the same theme …
        Assert.True(accented.Count(p => p.ThemeId == theme) * 2 > accented.Count);
        Assert.True(plain.Count(p => p.ThemeId == theme) * 2 > plain.Count);
        // … and no theme lists the same phrase twice, once with accents and once without.
        Assert.All(_run.Themes, t => Assert.Equal(t.Keywords.Count, t.Keywords.Select(AccentFolding.Fold).Distinct().Count()));
        Assert.DoesNotContain(_run.Themes.SelectMany(t => t.Keywords), k => k == "nao recebi");
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
