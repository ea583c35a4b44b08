using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes.Languages;

public sealed class LanguageDetectionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("pt", 0.95)]
    [InlineData("es", 0.95)]
    public void Portuguese_and_Spanish_comments_of_the_fixture_are_recognised(string language, double floor)
    {
        var comments = LabelledComments.In(language);
        var detected = LanguageDetector.DetectAll(comments.Select(c => c.Text).ToList());
        var accuracy = detected.Count(l => l == language) / (double)comments.Count;
        output.WriteLine($"{language}: accuracy {accuracy:F3} on {comments.Count} comments; missed: " +
                         string.Join(" | ", comments.Where((_, i) => detected[i] != language).Select((c, i) => c.Text)));
        Assert.True(accuracy >= floor, $"{language} detection accuracy {accuracy:F3} < {floor}");
    }

    /// <summary>
    /// Each comment on its own, without the collection's majority to fall back on: a short comment may be undetermined, but one
    /// is rarely taken for another language.
    /// </summary>
    [Fact]
    public void Each_of_the_five_languages_is_recognised_comment_by_comment()
    {
        var comments = LabelledComments.All;
        var detected = comments.Select(c => LanguageDetector.Detect(c.Text)).ToList();
        foreach (var language in CommentLanguage.All)
        {
            var of = comments.Select((c, i) => (c, d: detected[i])).Where(p => p.c.Language == language).ToList();
            var accuracy = of.Count(p => p.d == language) / (double)of.Count;
            var wrong = of.Where(p => p.d is not null && p.d != language).ToList();
            output.WriteLine($"{language}: {accuracy:F3} of {of.Count} (undetermined: {of.Count(p => p.d is null)}; taken for another language: " +
                             string.Join(" | ", wrong.Select(p => $"{p.d}: {p.c.Text}")) + ")");
            Assert.True(accuracy >= 0.85, $"{language}: {accuracy:F3}");
            Assert.True(wrong.Count <= 0.02 * of.Count, $"{language}: {wrong.Count} taken for another language");
        }
    }

    [Fact]
    public void English_comments_of_the_demo_company_stay_English()
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(Accounts: 300, Years: 2, Seed: 5));
        var comments = store.Query<string>("SELECT comment FROM responses WHERE comment IS NOT NULL ORDER BY response_id").ToList();
        var detected = LanguageDetector.DetectAll(comments);
        var others = comments.Where((_, i) => detected[i] != CommentLanguage.English).Distinct().ToList();
        output.WriteLine($"{comments.Count} comments, {others.Count} distinct texts not English: {string.Join(" | ", others.Take(20))}");
        Assert.Equal(comments.Count, detected.Count(l => l == CommentLanguage.English));
    }

    [Fact]
    public void A_text_too_short_to_tell_takes_the_collections_majority_language()
    {
        Assert.Null(LanguageDetector.Detect("Ok"));
        var detected = LanguageDetector.DetectAll(["Ok", "Não recebi o produto até hoje.", "Produto chegou quebrado e a loja não responde."]);
        Assert.Equal(["pt", "pt", "pt"], detected);
        Assert.Equal(["en"], LanguageDetector.DetectAll(["Ok"]));
    }

    /// <summary>A comment's language scores are the sums of its sentences', so detecting from the mentions changes nothing.</summary>
    [Fact]
    public void Languages_from_the_sentences_equal_languages_from_the_whole_comments()
    {
        var comments = LabelledComments.All.Select(c => c.Text)
            .Concat(["Ok", "Ok. Thanks!", "@loja   Não recebi!!  https://x.y ok.", "Muito bom. The app is great. Gracias"]).ToList();
        var cleaned = comments.Select(TextCleaner.Clean).ToList();
        Assert.Equal(LanguageDetector.DetectAll(cleaned), LanguageDetector.DetectAll(Mentions.FromCleaned(cleaned)));
    }

    [Theory]
    [InlineData("não recebi", "nao recebi")]
    [InlineData("Atención pésima", "Atencion pesima")]
    [InlineData("ótimo produto, chegou rápido", "otimo produto, chegou rapido")]
    [InlineData("Größe", "Große")] // ß has no combining mark and stays; ö folds to o
    public void Accent_variants_fold_to_one_key(string accented, string plain) =>
        Assert.Equal(AccentFolding.Fold(plain), AccentFolding.Fold(accented));

    [Fact]
    public void Stop_words_match_with_and_without_accents_and_negations_are_not_stop_words()
    {
        Assert.True(StopWordLists.IsStopWord("pt", "está"));
        Assert.True(StopWordLists.IsStopWord("pt", "esta"));
        Assert.True(StopWordLists.IsStopWord("es", "más"));
        Assert.False(StopWordLists.IsStopWord("pt", "não"));
        Assert.False(StopWordLists.IsStopWord("es", "no"));
        Assert.False(StopWordLists.IsStopWord("es", "nunca"));
        Assert.All(CommentLanguage.All, l => Assert.NotEmpty(StopWordLists.For(l)));
    }
}
