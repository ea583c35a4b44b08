using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes;

public class ThemeLabelerTests(ITestOutputHelper output)
{
    static readonly string[] Texts =
    [
        "Core Platform and Connect don't sync customer records", "Customer records never sync between Core Platform and Analytics",
        "Connect sync breaks every week", "Core Platform support is slow to respond", "Support is slow to respond to tickets",
    ];
    static readonly int[] Labels = [0, 0, 0, 1, 1];

    [Fact]
    public void Key_phrases_come_from_class_based_tf_idf()
    {
        var phrases = ThemeLabeler.KeyPhrases(Texts, Labels, 2);
        Assert.Contains("customer records", phrases[0]);
        Assert.Contains("slow", string.Join(" ", phrases[1]));
    }

    [Fact]
    public void Product_names_are_kept_out_of_the_key_phrases()
    {
        static bool NamesProduct(string p) => p.Contains("core", StringComparison.Ordinal) || p.Contains("connect", StringComparison.Ordinal);
        // Written capitalised inside sentences and never in lower case, product names are names and stay out even unlisted.
        Assert.DoesNotContain(ThemeLabeler.KeyPhrases(Texts, Labels, 2)[0], NamesProduct);
        // Written in lower case they read as ordinary words; the company's product list keeps them out.
        var lower = Texts.Select(t => t.ToLowerInvariant()).ToList();
        Assert.Contains(ThemeLabeler.KeyPhrases(lower, Labels, 2)[0], NamesProduct);
        var masked = ThemeLabeler.KeyPhrases(lower, Labels, 2, productNames: ["Core Platform", "Connect", "Analytics"]);
        Assert.All(masked.SelectMany(p => p), p => Assert.DoesNotContain(p.Split(' '), w => w is "core" or "platform" or "connect" or "analytics"));
        Assert.Contains("customer records", masked[0]);
    }

    [Fact]
    public void Repeated_mentions_given_once_with_their_counts_give_the_same_labels()
    {
        string[] texts =
        [
            "Tools don't talk to each other.", "Support is slow.", "Tools don't talk to each other.", "Core Platform and Connect don't sync.",
            "Support is slow.", "Tickets sit for days.", "Support is slow.", "A entrega não chegou.", "A entrega não chegou.",
        ];
        int[] labels = [0, 1, 0, 0, 1, 1, 1, 2, 2];
        float[] similarity = [0.8f, 0.9f, 0.8f, 0.95f, 0.9f, 0.5f, 0.9f, 0.7f, 0.7f];
        string[] languages = ["en", "en", "en", "en", "en", "en", "en", "pt", "pt"];
        int[] first = [0, 1, 3, 5, 7];
        int[] counts = [2, 3, 1, 1, 2];
        List<T> Of<T>(IReadOnlyList<T> values) => first.Select(i => values[i]).ToList();
        Assert.Equal(ThemeLabeler.KeyPhrases(texts, labels, 3, languages: languages),
            ThemeLabeler.KeyPhrases(Of(texts), Of(labels), 3, languages: Of(languages), counts: counts));
        Assert.Equal(ThemeLabeler.TypicalPhrases(texts, labels, similarity, 3, languages: languages),
            ThemeLabeler.TypicalPhrases(Of(texts), Of(labels), Of(similarity), 3, languages: Of(languages), counts: counts));
    }

    [Fact]
    public void A_label_is_the_theme_s_most_typical_short_sentence_without_product_names()
    {
        string[] texts =
        [
            "Tools don't talk to each other.", "Tools don't talk to each other.", "Core Platform and Connect don't sync.",
            "We export CSVs from Core Platform every week just to load them into Connect, which takes hours.", "Too many logins.",
            "Support is slow.", "Support is slow.", "Tickets sit for days.",
        ];
        int[] labels = [0, 0, 0, 0, 0, 1, 1, 1];
        float[] similarity = [0.8f, 0.8f, 0.9f, 0.95f, 0.7f, 0.9f, 0.9f, 0.5f];
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 3, productNames: ["Core Platform", "Connect"]);
        Assert.Equal("Tools don't talk to each other", phrases[0]); // the product sentence is closer, but names a product; the long one is too long
        Assert.Equal("Support is slow", phrases[1]);
        Assert.Null(phrases[2]);
        Assert.Equal("lost luggage / baggage claim", ThemeLabeler.Label(null, ["lost luggage", "baggage claim"], "My bag was lost."));
    }

    [Fact]
    public void A_label_comes_from_the_bulk_of_the_theme_not_from_a_minority_clause()
    {
        // Demo (300 accounts): the integration theme's central sentences name products, so the only clause left was a minority's,
        // and the theme was labelled "Performance degrades with larger data sets". The minority's clause is not typical of the
        // theme; with the product names masked, its central sentences name it.
        string[] texts =
        [
            "Core Platform and Analytics still don't share data.", "The integration between Analytics and Core Platform is fairly fragile.",
            "Analytics and Core Platform don't share customer data.", "Core Platform and Analytics still don't share data.",
            "Core Platform and Analytics don't share data.", "Performance degrades with larger data sets.", "Performance degrades with larger data sets.",
            "Reports take ages to build.", "Reports take ages to build.", "Reports take ages to build.", "The export button is hidden.",
        ];
        int[] labels = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
        float[] similarity = [0.85f, 0.8f, 0.82f, 0.85f, 0.84f, 0.55f, 0.55f, 0.9f, 0.9f, 0.9f, 0.4f];
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2, productNames: ["Core Platform", "Analytics"]);
        Assert.Equal("The products still don't share data", phrases[0]);
        Assert.Equal("Reports take ages to build", phrases[1]);
        var keyPhrases = ThemeLabeler.KeyPhrases(texts, labels, 2, productNames: ["Core Platform", "Analytics"]);
        Assert.Contains("share data", keyPhrases[0]);
        Assert.True(LabelFidelity.IsFaithful(ThemeLabeler.Label(phrases[0], keyPhrases[0], null), texts[..3]));
        // Without a typical clause (here: every central sentence names products in two places) the key phrases name the theme.
        var unmaskable = texts.Select((t, i) => labels[i] == 0 && similarity[i] > 0.6f ? "Please integrate Core Platform with Analytics, it's the share data gap." : t).ToList();
        Assert.Null(ThemeLabeler.TypicalPhrases(unmaskable, labels, similarity, 2, productNames: ["Core Platform", "Analytics"])[0]);
    }

    [Fact]
    public void A_label_counts_the_paraphrases_of_the_majority_not_only_the_words_a_minority_repeats()
    {
        // A minority's detail sentence repeated word for word against a majority that says one thing in several ways.
        string[] texts =
        [
            "We enter all our data twice.", "We enter customer records twice.", "We type the same information twice.", "We enter the data twice.",
            "The last update broke our saved views.", "The last update broke our saved views.",
            "The last update broke our saved views.",
        ];
        int[] labels = [0, 0, 0, 0, 0, 0, 0];
        float[] similarity = [0.8f, 0.8f, 0.8f, 0.8f, 0.8f, 0.8f, 0.8f];
        float[] reentry = [1, 0, 0], reworded = [0.9f, 0.43589f, 0], views = [0, 0, 1];
        float[][] vectors = [reentry, reworded, reworded, reentry, views, views, views];
        Assert.Equal("The last update broke our saved views", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 1)[0]);
        Assert.Equal("We enter all our data twice", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 1, vectors: vectors)[0]);
        // A remark said in few words but often still names its theme: nothing paraphrases the lone rewordings here.
        float[][] apart = [[1, 0, 0], [0, 1, 0], [0, 0.6f, 0.8f], [0.6f, 0, 0.8f], views, views, views];
        Assert.Equal("The last update broke our saved views", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 1, vectors: apart)[0]);
    }

    [Fact]
    public void The_remark_most_of_a_theme_makes_names_it_though_its_own_sentences_lie_off_the_centre()
    {
        // Three writings of one remark sit below the median similarity; two paraphrases of it are central. Five of the eight
        // mentions say it, so it is typical of the theme by what it says, though not by where its own sentences lie.
        string[] texts =
        [
            "Customer records never match between the tools.", "Customer records never match between the tools.", "Customer records never match between the tools.",
            "The customer data is different in each tool.", "Our records disagree from one tool to the next.",
            "Reports take ages to build.", "The export button is hidden.", "Menus are buried three levels deep.",
        ];
        int[] labels = [0, 0, 0, 0, 0, 0, 0, 0];
        float[] similarity = [0.6f, 0.6f, 0.6f, 0.95f, 0.95f, 0.9f, 0.9f, 0.9f];
        float[] records = [1, 0, 0];
        float[][] vectors = [records, records, records, records, records, [0, 1, 0], [0, 0, 1], [0, 0.6f, -0.8f]];
        Assert.Equal("Customer records never match between the tools", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 1, vectors: vectors)[0]);
        // Without vectors only central sentences are typical.
        Assert.NotEqual("Customer records never match between the tools", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 1)[0]);
        // A remark fewer than half of the theme make is typical only where it lies: with two paraphrases fewer, a central one names it.
        float[][] fewer = [records, records, records, [0, 0.6f, 0.8f], [0.6f, 0.8f, 0], [0, 1, 0], [0, 0, 1], [0, 0.6f, -0.8f]];
        Assert.NotEqual("Customer records never match between the tools", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 1, vectors: fewer)[0]);
    }

    [Fact]
    public void A_theme_without_a_short_phrase_is_named_by_its_sentence_not_by_key_phrases()
    {
        string[] texts =
        [
            "Your support staff explain things clearly and never make us feel stupid.", "Your support staff explain things clearly and never make us feel stupid.",
            "I had to escalate through our exec sponsor just to get a response.",
            "Support is slow.", "Support is slow.", "I had to escalate through our exec sponsor just to get a response from support.",
        ];
        int[] labels = [0, 0, 0, 1, 1, 1];
        float[] similarity = [0.9f, 0.9f, 0.5f, 0.9f, 0.9f, 0.5f];
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2);
        Assert.Equal("Your support staff explain things clearly and never make us feel stupid", phrases[0]);
        Assert.Equal("Support is slow", phrases[1]); // a short phrase first when the theme has one
        // Past the sentence limit, the key phrases name it.
        string[] rambling = ["We had to explain the same setup to four different people before anyone at all could actually help us.", "x y"];
        Assert.Null(ThemeLabeler.TypicalPhrases(rambling, [0, -1], [0.9f, 0], 1)[0]);
    }

    [Fact]
    public void A_frame_that_opens_sentences_of_many_themes_is_left_out_of_the_label()
    {
        string[] remarks = ["reports load quickly", "support answers fast", "pricing is transparent", "the mobile app is handy", "onboarding was smooth"];
        var texts = remarks.SelectMany(r => new[] { $"To be fair, {r}.", $"To be fair, {r}." }).Concat(["Easy to use, love it.", "Easy to use, love it."]).ToList();
        var labels = Enumerable.Range(0, texts.Count).Select(i => i / 2).ToList();
        var similarity = texts.Select(_ => 0.9f).ToList();
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 6);
        Assert.Equal("Reports load quickly", phrases[0]);
        Assert.Equal("The mobile app is handy", phrases[3]);
        Assert.Equal("Easy to use, love it", phrases[5]); // a subject set off by a comma opens one theme's sentences only
        // A frame in fewer themes is part of what the customers wrote.
        var fewer = ThemeLabeler.TypicalPhrases(texts.Take(4).ToList(), labels.Take(4).ToList(), similarity.Take(4).ToList(), 2);
        Assert.Equal("To be fair, reports load quickly", fewer[0]);
    }

    [Fact]
    public void A_label_names_something_of_the_theme_not_a_verdict_split_off_its_sentences()
    {
        string[] texts =
        [
            "Our tickets sit for weeks, which makes a big difference.", "Makes a big difference.", "Makes a big difference.", "Our tickets sit for weeks.",
            "Invoices arrive late.", "Invoices arrive late.",
        ];
        int[] labels = [0, 0, 0, 0, 1, 1];
        float[] similarity = [0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f];
        IReadOnlyList<string>[] keyPhrases = [["tickets sit", "weeks"], ["invoices arrive"]];
        Assert.Equal("Makes a big difference", ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2)[0]);
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2, keyPhrases: keyPhrases);
        Assert.Equal("Our tickets sit for weeks", phrases[0]);
        Assert.Equal("Invoices arrive late", phrases[1]);
    }

    [Fact]
    public void A_faithful_label_shares_a_content_word_with_its_representatives()
    {
        Assert.True(LabelFidelity.IsFaithful("Integration is fragile", ["The integration between Analytics and Core Platform is fairly fragile."]));
        Assert.True(LabelFidelity.IsFaithful("Our last ticket was closed before lunch", ["Support tickets get resolved quickly."])); // "ticket" ~ "tickets"
        Assert.False(LabelFidelity.IsFaithful("An offline mode", ["We couldn't do our jobs without it.", "Honestly, we couldn't do our jobs without it."]));
        Assert.False(LabelFidelity.IsFaithful("The help desk team genuinely cares", ["The platform delivers real value for us."]));
        Assert.Equal(0.5, LabelFidelity.Share([("Integration is fragile", ["Integration is fragile."]), ("An offline mode", ["We couldn't do our jobs without it."])]));
    }

    [Fact]
    public void A_label_is_the_complaint_clause_without_the_verdict_around_it()
    {
        string[] texts =
        [
            "Good enough, but the system keeps crashing.", "It's fine, but the system keeps crashing.", "Honestly, the system keeps crashing.",
            "The system keeps crashing, which makes our lives harder.", "Kudos to Luis in support!", "Kudos to Luis in support!", "Kudos to Luis in support!",
            "Support answers within the hour.",
        ];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        float[] similarity = [0.9f, 0.9f, 0.8f, 0.8f, 0.9f, 0.9f, 0.9f, 0.9f];
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2);
        Assert.Equal("The system keeps crashing", phrases[0]); // written four times inside other words, never alone
        Assert.Equal("Support answers within the hour", phrases[1]); // the commoner sentence names a person
    }

    [Fact]
    public void No_two_themes_share_a_label_and_no_label_names_a_person()
    {
        string[] texts =
        [
            "Room for improvement in reporting.", "Room for improvement in reporting.", "Room for improvement in reporting.", "Room for improvement in reporting.",
            "Room for improvement in reporting.", "Room for improvement in reporting.", "Room for improvement in reporting.", "Exports keep failing.",
            "Kenji kept the project on track.", "Kenji kept the project on track.", "Thanks to Kenji for everything.", "The rollout was smooth.",
        ];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
        float[] similarity = [0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, 0.7f, 0.7f];
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 3);
        // Both themes' best clause is the same; the theme writing it more often keeps it, the other takes its next best.
        Assert.Equal("Room for improvement in reporting", phrases[0]);
        Assert.Equal("Exports keep failing", phrases[1]);
        Assert.Equal("The rollout was smooth", phrases[2]); // "Kenji" is written capitalised inside a sentence, never in lower case
        Assert.DoesNotContain(ThemeLabeler.KeyPhrases(texts, labels, 3)[2], p => p.Contains("kenji", StringComparison.Ordinal));
    }

    static readonly string[] Products = ["Analytics", "Automation", "Connect", "Core Platform"];

    /// <summary>Each text's sentiment as `fulcrum themes` reads an English sentence: the shipped MiniLM model on its vector.</summary>
    IReadOnlyList<double?> MiniLmSentiment(IReadOnlyList<string> texts)
    {
        var scores = texts.Select(t => (double?)MiniLmSentiment(t)).ToList();
        foreach (var (t, s) in texts.Zip(scores).DistinctBy(p => p.First)) output.WriteLine($"{s:+0.00;-0.00} {t}");
        return scores;
    }

    static double MiniLmSentiment(string text) => EmbeddingSentiment.Default.Score(SharedMiniLm.Embedder.Embed([text])[0], text).Score;

    /// <summary>
    /// The default demo's second complaint (865 mentions, mean −0.03, 40% positive) was labelled "It saves my team days every
    /// week": its complaints name products ("Core Platform doesn't integrate well with the rest of the suite"), which disqualified
    /// every one of them, so a clause of its praise minority won. The demo generator's own sentences, scored by the MiniLM model.
    /// </summary>
    [Fact]
    public void A_complaint_theme_whose_sentences_name_products_gets_a_complaint_label_without_product_names()
    {
        string[] texts =
        [
            "Core Platform and Analytics don't share data.", "Core Platform and Analytics don't share data.", "Analytics and Automation don't share data.",
            "Core Platform and Connect still don't share customer data.", "Core Platform doesn't integrate well with the rest of the suite.",
            "Connect doesn't integrate with what we bought from you.", "Customer records are out of sync between Core Platform and Analytics.",
            "Please integrate Core Platform with Analytics.",
            "It saves my team days every week.", "It saves my team days every week.", "It saves my team days every week.", "It saves my team hours every week.",
            "Support is slow to respond.", "Support is slow to respond.", "Tickets sit for days.",
        ];
        int[] labels = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
        float[] similarity = [0.84f, 0.84f, 0.83f, 0.8f, 0.82f, 0.78f, 0.8f, 0.75f, 0.83f, 0.83f, 0.83f, 0.82f, 0.9f, 0.9f, 0.7f];
        var sentiment = MiniLmSentiment(texts);
        var tone = new ThemeTone(sentiment, [ThemeKind.Problem, ThemeKind.Problem]);
        Assert.All(texts.Take(7).Select((_, i) => sentiment[i]), s => Assert.True(s <= -SentimentScore.Threshold, $"complaint read {s:F2}"));
        Assert.All(texts.Skip(8).Take(4).Select((_, i) => sentiment[8 + i]), s => Assert.True(s >= SentimentScore.Threshold, $"praise read {s:F2}"));

        // Without the tone rule the praise minority's words are among the theme's key phrases (the fallback label).
        Assert.Contains(ThemeLabeler.KeyPhrases(texts, labels, 2, productNames: Products)[0], p => p.Split(' ').Any(w => w is "saves" or "team"));

        var keyPhrases = ThemeLabeler.KeyPhrases(texts, labels, 2, productNames: Products, tone: tone);
        var phrases = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2, Products, keyPhrases: keyPhrases, tone: tone);
        Assert.Equal("The products don't share data", phrases[0]);
        Assert.Equal("Support is slow to respond", phrases[1]);
        // The fallback obeys the same rules: no praise word and no product word among the key phrases.
        Assert.DoesNotContain(keyPhrases[0], p => p.Split(' ').Any(w => w is "saves" or "team" or "hours" or "days" or "week"));
        Assert.DoesNotContain(keyPhrases[0], p => p.Split(' ').Any(w => w is "core" or "platform" or "analytics" or "automation" or "connect"));
        Assert.True(LabelFidelity.IsFaithful(phrases[0]!, texts[..3]));
    }

    [Fact]
    public void A_clause_only_written_inside_longer_sentences_is_read_on_its_own_words()
    {
        string[] texts =
        [
            // Praise split off complaints, in a problem theme: the MiniLM model reads the whole sentence positive.
            "Support is great, but Core Platform and Analytics don't share data.", "Support is great, but Core Platform and Analytics don't share data.",
            "Support is great, but Core Platform and Analytics don't share data.", "Support is great.",
            // A complaint split off praise, in a strength theme; the lexicon finds no sentiment word in "too generic".
            "Fine overall, but training during onboarding was too generic.", "Fine overall, but training during onboarding was too generic.",
            "Fine overall, but training during onboarding was too generic.", "Training during onboarding was excellent.",
        ];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        float[] similarity = [0.9f, 0.9f, 0.9f, 0.5f, 0.9f, 0.9f, 0.9f, 0.9f];
        IReadOnlyList<string>[] keyPhrases = [["support", "share data"], ["training", "onboarding"]];
        var sentiment = MiniLmSentiment(texts);
        var tone = new ThemeTone(sentiment, [ThemeKind.Problem, ThemeKind.Strength], MiniLmSentiment);
        Assert.True(sentiment[0] >= SentimentScore.Threshold, $"{sentiment[0]:F2}");
        Assert.Equal(0, LexiconSentiment.Score("training during onboarding was too generic").Compound, 2);
        Assert.True(MiniLmSentiment("Support is great") >= SentimentScore.Threshold);
        Assert.True(MiniLmSentiment("training during onboarding was too generic") <= -SentimentScore.Threshold);
        var withoutTone = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2, Products, keyPhrases: keyPhrases);
        Assert.Equal("Training during onboarding was too generic", withoutTone[1]);
        var withTone = ThemeLabeler.TypicalPhrases(texts, labels, similarity, 2, Products, keyPhrases: keyPhrases, tone: tone);
        Assert.Equal("The products don't share data", withTone[0]);
        Assert.Equal("Training during onboarding was excellent", withTone[1]);
    }

    [Fact]
    public void A_theme_s_kind_for_its_label_is_the_report_s_rule_on_its_comments_sentiment()
    {
        // 40% of the comments positive and a mean of −0.03 (the demo's integration theme): a problem; 60% positive: a strength.
        var links = new List<DocumentTheme>();
        for (var d = 0; d < 100; d++) links.Add(new DocumentTheme(d, 0, 0.8, d < 40 ? 0.55 : -0.42, true));
        for (var d = 0; d < 100; d++) links.Add(new DocumentTheme(d, 1, 0.8, d < 60 ? 0.3 : -0.6, false));
        links.Add(new DocumentTheme(0, 2, 0.8, null, false));
        Assert.Equal(-0.032, links.Where(l => l.Theme == 0).Average(l => l.Sentiment!.Value), 3);
        Assert.Equal([ThemeKind.Problem, ThemeKind.Strength, ThemeKind.Problem], ThemeTone.KindsOf(links, 3));
        var tone = new ThemeTone([0.06, -0.05, null], [ThemeKind.Problem, ThemeKind.Strength]);
        Assert.True(tone.Contradicts(0, 0)); // praise in a problem
        Assert.True(tone.Contradicts(1, 1)); // a complaint in a strength
        Assert.False(tone.Contradicts(0, 2)); // no score, no contradiction
        Assert.False(tone.Contradicts(0, -0.04) || tone.Contradicts(1, 0.04)); // neutral agrees with both
    }

    [Theory]
    [InlineData("Core Platform and Analytics don't share data", "the products don't share data")]
    [InlineData("Core Platform doesn't integrate well with the rest of the suite", "the product doesn't integrate well with the rest of the suite")]
    [InlineData("customer records are out of sync between Core Platform and Connect", "customer records are out of sync between the products")]
    [InlineData("Core Platform, Analytics and Automation feel disconnected", "the products feel disconnected")]
    [InlineData("our Analytics licence costs too much", "our product licence costs too much")]
    [InlineData("we can't connect to the API", "we can't connect to the API")] // the verb, not the product "Connect"
    [InlineData("Please integrate Core Platform with Analytics", null)] // two places: no neutral reading
    public void Product_names_are_masked_by_a_neutral_noun(string clause, string? masked) =>
        Assert.Equal(masked, new ProductNameMask(Products).Mask(clause));

    [Theory]
    [InlineData("It's fine, but the tools don't talk to each other.", new[] { "It's fine", "the tools don't talk to each other." })]
    [InlineData("My only gripe is that search is slow, but that's minor.", new[] { "My only gripe is that search is slow", "that's minor." })]
    [InlineData("Small thing: exports time out.", new[] { "Small thing", "exports time out." })]
    [InlineData("Generally happy, except that reports are slow.", new[] { "Generally happy", "reports are slow." })]
    [InlineData("Salt and pepper are fine.", new[] { "Salt and pepper are fine." })]
    [InlineData("Core Platform and Analytics don't sync. Could be better.", new[] { "Core Platform and Analytics don't sync.", "Could be better." })]
    [InlineData("Disappointed. We were blindsided by hidden fees!", new[] { "Disappointed.", "We were blindsided by hidden fees!" })]
    [InlineData("Version 2.5 broke it. sadly.", new[] { "Version 2.5 broke it. sadly." })] // no capital after the stop: one sentence
    public void Clauses_split_at_contrast_and_apposition_marks(string sentence, string[] clauses) =>
        Assert.Equal(clauses, Fulcrum.Analytics.Themes.Text.ClauseSplitter.Split(sentence));
}
