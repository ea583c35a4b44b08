using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;
using Fulcrum.Tests.Shared;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes.Languages;

/// <summary>
/// A demo company whose customers write in Portuguese and Spanish (the shared 3,000-account template, seed 42, copied):
/// every comment is replaced by a sentence of the labelled fixture (comments-pt-es.tsv) — a negative one for a detractor,
/// a positive one for a promoter, either for a passive (or a comment without a score) — chosen by a hash of the response id, half Portuguese and half
/// Spanish. Themes run in the fast lexical mode, then the business case. The survey scores and outcomes are untouched, so the
/// planted NPS → churn effect must come back as it does for the English company (LinkageDemoTests).
/// </summary>
public sealed class PortugueseSpanishCompanyFixture : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-pt-es-").FullName;

    public PortugueseSpanishCompanyFixture()
    {
        Store = DemoCompanyTemplates.Open(Path.Combine(_directory, "demo.duckdb"), new DemoCompanyOptions(Accounts: 3_000, Years: 3, Seed: 42));
        RewriteComments(Store);
        Themes = ThemeAnalysis.Run(Store, new ThemeOptions(Fast: true));
        Report = BusinessCaseAnalysis.Run(new AnalysisFacts(Store), new LinkageOptions { Resamples = 200 }).Report;
        Truth = GroundTruth.Read(Store).ToDictionary(g => g.EffectId);
    }

    public FulcrumStore Store { get; }
    public ThemeRunResult Themes { get; }
    public BusinessCaseReport Report { get; }
    public IReadOnlyDictionary<string, GroundTruthEffect> Truth { get; }

    /// <summary>The language each response was written in (the truth the detector is checked against).</summary>
    public Dictionary<string, string> WrittenIn { get; } = [];

    void RewriteComments(FulcrumStore store)
    {
        var sentences = new[] { "pt", "es" }.ToDictionary(l => l, l => new
        {
            Negative = LabelledComments.In(l).Where(c => c.Label == "negative").Select(c => c.Text).ToArray(),
            Positive = LabelledComments.In(l).Where(c => c.Label == "positive").Select(c => c.Text).ToArray(),
        });
        var responses = store.Query<(string ResponseId, int? Nps)>("SELECT response_id, CAST(nps AS INTEGER) FROM responses WHERE comment IS NOT NULL ORDER BY response_id").ToList();
        store.Execute("CREATE TABLE rewritten_comments (response_id VARCHAR, comment VARCHAR)");
        using (var writer = store.BulkWriter("rewritten_comments"))
        {
            foreach (var (id, nps) in responses)
            {
                var hash = Fnv1a(id);
                var language = (hash & 1) == 0 ? "pt" : "es";
                var pool = nps switch
                {
                    <= 6 => sentences[language].Negative,
                    >= 9 => sentences[language].Positive,
                    _ => (hash & 2) == 0 ? sentences[language].Negative : sentences[language].Positive,
                };
                WrittenIn[id] = language;
                writer.Row(id, pool[(int)((hash >> 2) % (uint)pool.Length)]);
            }
        }
        store.Execute("UPDATE responses SET comment = w.comment FROM rewritten_comments w WHERE responses.response_id = w.response_id");
        store.Execute("DROP TABLE rewritten_comments");
    }

    /// <summary>FNV-1a: a hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
    static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}

public sealed class PortugueseSpanishCompanyTests(PortugueseSpanishCompanyFixture company, ITestOutputHelper output) : IClassFixture<PortugueseSpanishCompanyFixture>
{
    [Fact]
    public void The_language_mix_is_Portuguese_and_Spanish_about_half_each()
    {
        foreach (var l in company.Themes.Languages!) output.WriteLine($"{l.Code} {l.Comments} {l.Share:P1} sentiment={l.HasSentiment}");
        var mix = company.Themes.Languages!.ToDictionary(l => l.Code);
        // A few short fixture sentences are told wrong by the detector (MultilingualThemesTests allows ~5%), never many.
        Assert.True(mix["pt"].Share + mix["es"].Share >= 0.95, $"pt {mix["pt"].Share:P1} + es {mix["es"].Share:P1}");
        Assert.InRange(mix["pt"].Share, 0.4, 0.6);
        Assert.InRange(mix["es"].Share, 0.4, 0.6);
        Assert.True(mix.GetValueOrDefault("en")?.Share is null or < 0.05, $"English {mix.GetValueOrDefault("en")?.Share:P1}");
        Assert.True(mix["pt"].HasSentiment && mix["es"].HasSentiment);
        // Per comment: the stored language is the one it was written in for at least 95% of comments.
        var told = company.Store.Query<(string ResponseId, string Language)>("SELECT response_id, language FROM response_sentiment").ToList();
        Assert.Equal(company.WrittenIn.Count, told.Count);
        var right = told.Count(t => company.WrittenIn[t.ResponseId] == t.Language);
        Assert.True(right >= 0.95 * told.Count, $"{right:N0} of {told.Count:N0} told right");
    }

    /// <summary>Each phrase of a label is checked against the stop words of every language whose fixture sentences hold it.</summary>
    [Fact]
    public void No_theme_label_holds_a_stop_word_of_its_language()
    {
        var fixture = LabelledComments.All.Where(c => c.Language is "pt" or "es")
            .Select(c => (Folded: " " + string.Join(' ', Tokens.Words(AccentFolding.Fold(c.Text))) + " ", c.Language)).ToList();
        Assert.NotEmpty(company.Themes.Themes);
        foreach (var theme in company.Themes.Themes)
        {
            output.WriteLine($"{theme.ThemeId} {theme.Comments}: {theme.Label}");
            foreach (var phrase in theme.Label.Split(" / "))
            {
                var words = Tokens.Words(AccentFolding.Fold(phrase));
                var key = " " + string.Join(' ', words) + " ";
                var languages = fixture.Where(c => c.Folded.Contains(key, StringComparison.Ordinal)).Select(c => c.Language).Distinct().ToList();
                Assert.NotEmpty(languages); // every label phrase is the customers' own words
                foreach (var language in languages)
                    Assert.False(words.Any(w => StopWordLists.IsStopWord(language, w)), $"{theme.ThemeId} '{phrase}' holds a stop word of {language}");
            }
        }
    }

    [Fact]
    public void Sentiment_is_defined_for_every_comment_negative_for_detractors_and_positive_for_promoters()
    {
        var rows = company.Store.Query<(int? Nps, string Language, double? Score)>(
            "SELECT CAST(r.nps AS INTEGER), s.language, s.score FROM response_sentiment s JOIN responses r USING (response_id)").ToList();
        Assert.All(rows.Where(r => r.Language is "pt" or "es"), r => Assert.NotNull(r.Score));
        foreach (var language in new[] { "pt", "es" })
        {
            var detractors = rows.Where(r => r.Language == language && r.Nps <= 6).Select(r => r.Score!.Value).ToList();
            var promoters = rows.Where(r => r.Language == language && r.Nps >= 9).Select(r => r.Score!.Value).ToList();
            output.WriteLine($"{language}: detractors {detractors.Count:N0} mean {detractors.Average():F3}; promoters {promoters.Count:N0} mean {promoters.Average():F3}");
            Assert.True(detractors.Average() < 0, $"{language} detractors' mean sentiment {detractors.Average():F3}");
            Assert.True(promoters.Average() > 0, $"{language} promoters' mean sentiment {promoters.Average():F3}");
        }
    }

    [Fact]
    public void The_business_case_ranks_CX_levers_in_money_with_finite_intervals()
    {
        var report = company.Report;
        foreach (var l in report.Levers) output.WriteLine($"{l.Rank}. {l.Lever.Id}: {l.At(report.HorizonMonths).Npv}");
        var lower = report.Levers.Select(l => l.At(report.HorizonMonths).Npv.Lower).ToList();
        Assert.Equal(lower.OrderByDescending(v => v), lower);
        foreach (var id in new[] { LeverCatalog.DetractorsToPassive, LeverCatalog.DetractorsToPromoter, LeverCatalog.PassivesToPromoter })
        {
            var lever = report.Levers.Single(l => l.Lever.Id == id);
            var h = lever.At(report.HorizonMonths);
            output.WriteLine($"{id}: ARR retained {h.ArrRetained}; NPV {h.Npv}");
            Assert.True(h.Npv.IsDefined && double.IsFinite(h.Npv.Lower) && double.IsFinite(h.Npv.Upper), $"{id} {h.Npv}");
            Assert.True(h.Npv.Lower < h.Npv.Upper && h.Npv.Value != 0, $"{id} {h.Npv}");
            // Fewer detractors means fewer churned renewals: the point estimate of ARR kept is above $0.
            Assert.True(h.ArrRetained.Value > 0, $"{id} {h.ArrRetained}");
            Assert.Contains("90% CI", lever.Sentence);
        }
        // Detractors churn ~3x promoters (planted): moving them to promoter keeps ARR with the whole interval above $0.
        // (Detractor → passive, 18% → 10% churn, is too small for that on 3,000 accounts: its interval crosses $0.)
        var toPromoter = report.Levers.Single(l => l.Lever.Id == LeverCatalog.DetractorsToPromoter).At(report.HorizonMonths);
        Assert.True(toPromoter.ArrRetained.Lower > 0, $"{toPromoter.ArrRetained}");
    }

    /// <summary>Same ground-truth row and tolerance as LinkageDemoTests: the planted ratio inside the observed and adjusted intervals.</summary>
    [Fact]
    public void The_planted_detractor_promoter_churn_ratio_is_recovered()
    {
        var truth = company.Truth[GroundTruth.DetractorChurnRatio];
        var observed = company.Report.Linkage.DetractorPromoterChurnRatioObserved!;
        var adjusted = company.Report.Linkage.DetractorPromoterChurnRatioAdjusted!;
        output.WriteLine($"nominal {truth.Nominal:0.00}, realized {truth.Realized:0.00}; observed {observed}; adjusted {adjusted}");
        Assert.True(observed.Contains(truth.Realized!.Value), $"realized {truth.Realized:0.00} outside observed {observed}");
        Assert.True(observed.Contains(truth.Nominal!.Value), $"nominal {truth.Nominal:0.00} outside observed {observed}");
        Assert.True(adjusted.Contains(truth.Nominal.Value), $"nominal {truth.Nominal:0.00} outside adjusted {adjusted}");
        Assert.True(adjusted.Lower > 1.5, "detractors clearly churn more than promoters");
    }
}
