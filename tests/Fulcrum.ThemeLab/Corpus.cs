using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Analytics.Themes.Text;
using Fulcrum.Data.Store;

namespace Fulcrum.ThemeLab;

/// <summary>Sentences of a labelled corpus with their vectors, sentiment and complaint flags, loaded once per lab run.</summary>
sealed class Corpus
{
    public required string Name { get; init; }
    public required Mentions Mentions { get; init; }
    public required float[][] Vectors { get; set; }
    public required double?[] Sentiment { get; init; }
    public required bool[] Complaint { get; init; }
    /// <summary>Each mention's lexicon sentiment (demo stores only; for `--partition agree`).</summary>
    public double?[] LexiconSentiment { get; init; } = [];
    public required int?[] Nps { get; init; }
    /// <summary>Demo: planted theme keys per document. Airline: the reason per document.</summary>
    public required string[][] DocumentLabels { get; init; }
    public IReadOnlyList<string> ProductNames { get; init; } = [];

    public static bool StripProducts { get; set; }

    public static Corpus Demo(string path, bool clauses, bool lexicon)
    {
        using var store = FulcrumStore.Open(path);
        var repository = new ThemeRepository(store);
        var comments = repository.Comments();
        var planted = store.Query<(string ResponseId, string? Themes)>(
            "SELECT response_id, json_extract_string(attributes, '$.planted_themes') FROM responses WHERE comment IS NOT NULL")
            .ToDictionary(r => r.ResponseId, r => r.Themes);
        var mentions = Split(Mentions.FromComments(comments.Select(c => c.Comment).ToList()), clauses);
        var languages = LanguageDetector.DetectAll(comments.Select(c => TextCleaner.Clean(c.Comment)).ToList());
        var products = repository.ProductNames().OrderByDescending(p => p.Length).ToList();
        var text = mentions.Text.Select((t, i) => LanguageTerms.EmbeddingText(t, languages[mentions.Document[i]]))
            .Select(t => StripProducts ? products.Aggregate(t, (x, p) => System.Text.RegularExpressions.Regex.Replace(x, System.Text.RegularExpressions.Regex.Escape(p), "the product", System.Text.RegularExpressions.RegexOptions.IgnoreCase)) : t).ToList();
        using var embedder = new MiniLmEmbedder();
        var distinct = text.Distinct(StringComparer.Ordinal).ToList();
        var vectors = new EmbeddingCache(store).Embed(embedder, distinct, out var fresh);
        if (fresh > 0) Console.Error.WriteLine($"{path}: embedded {fresh} new texts");
        var byText = distinct.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => vectors[p.i], StringComparer.Ordinal);
        var mentionVectors = text.Select(t => byText[t]).ToArray();
        var sentiment = Scorer(store, embedder, lexicon).MentionSentiment(mentions, languages, mentionVectors);
        return new Corpus
        {
            Name = Path.GetFileNameWithoutExtension(path),
            Mentions = mentions,
            Vectors = mentionVectors,
            Sentiment = sentiment,
            Complaint = Enumerable.Range(0, mentions.Count).Select(i => ThemeEngine.IsComplaint(sentiment[i], comments[mentions.Document[i]].Nps)).ToArray(),
            Nps = Enumerable.Range(0, mentions.Count).Select(i => comments[mentions.Document[i]].Nps).ToArray(),
            LexiconSentiment = SentimentScorer.Lexicon.MentionSentiment(mentions, languages, mentionVectors).ToArray(),
            DocumentLabels = comments.Select(c => planted.GetValueOrDefault(c.ResponseId) is { } p ? p.Split(';') : []).ToArray(),
            ProductNames = repository.ProductNames(),
        };
    }

    /// <summary>The scorer `themes` uses on MiniLM vectors (<see cref="SentimentScorer.For(FulcrumStore, ITextEmbedder)"/>), or the lexicon for comparison.</summary>
    static SentimentScorer Scorer(FulcrumStore store, ITextEmbedder embedder, bool lexicon) => lexicon ? SentimentScorer.Lexicon : SentimentScorer.For(store, embedder);

    static Mentions Split(Mentions sentences, bool clauses)
    {
        if (!clauses) return sentences;
        var document = new List<int>();
        var text = new List<string>();
        for (var i = 0; i < sentences.Count; i++)
            foreach (var c in ClauseSplitter.Split(sentences.Text[i])) { document.Add(sentences.Document[i]); text.Add(c); }
        return new Mentions { Document = document, Text = text, DocumentCount = sentences.DocumentCount };
    }

    public static Corpus Airline(string csvPath, string cachePath, bool clauses, bool lexicon)
    {
        using var reader = new StreamReader(csvPath);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var complaints = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => (Text: (string)r["text"], Sentiment: (string)r["airline_sentiment"], Reason: (string)r["negativereason"]))
            .Where(r => r.Sentiment == "negative" && r.Reason.Length > 0 && r.Reason != "Can't Tell").ToList();
        var mentions = Split(Mentions.FromComments(complaints.Select(c => c.Text).ToList()), clauses);
        using var store = FulcrumStore.Open(cachePath);
        using var embedder = new MiniLmEmbedder();
        var vectors = ThemeEngine.EmbedMentions(mentions, d => new EmbeddingCache(store).Embed(embedder, d, out _));
        var english = Enumerable.Repeat(CommentLanguage.English, mentions.DocumentCount).ToList();
        var sentiment = Scorer(store, embedder, lexicon).MentionSentiment(mentions, english, vectors);
        return new Corpus
        {
            Name = "airline",
            Mentions = mentions,
            Vectors = vectors,
            Sentiment = sentiment,
            Complaint = sentiment.Select(s => ThemeEngine.IsComplaint(s, null)).ToArray(),
            Nps = new int?[mentions.Count],
            DocumentLabels = complaints.Select(c => new[] { c.Reason }).ToArray(),
        };
    }
}
