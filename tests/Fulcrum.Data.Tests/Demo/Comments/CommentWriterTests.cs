using System.Diagnostics;
using System.Text.RegularExpressions;
using Fulcrum.Data.Demo.Comments;

namespace Fulcrum.Data.Tests.Demo.Comments;

public class CommentWriterTests
{
    private static readonly string[] Products = ["Core Platform", "Analytics", "Automation", "Connect"];

    private static readonly CommentTheme[] NegativeThemes =
    [
        CommentTheme.ProductsDontIntegrate,
        CommentTheme.TooManyAccountManagers,
        CommentTheme.SlowSupport,
        CommentTheme.Pricing,
        CommentTheme.HardToUse,
        CommentTheme.Reliability,
    ];

    /// <summary>
    /// A reader's notion of "this comment is about theme T": several different words per theme, no single
    /// shared keyword. Product names are masked first so "Analytics" or "Core Platform" never count.
    /// </summary>
    private static readonly Dictionary<CommentTheme, Regex> Lexicon = new()
    {
        [CommentTheme.ProductsDontIntegrate] = Words(
            @"integrat\w*", "talk to each other", "share", "shared", @"sync\w*", "re-enter", "sign-on", @"log(in|ins|ging in)",
            "api", @"connectors?", @"separate\w*", "export", @"copy(-| and )paste", "working together", "disconnected", "middleware",
            "two different companies", "same customer", "data entry", "different vendors"),
        [CommentTheme.TooManyAccountManagers] = Words(
            @"account managers?", "point of contact", "someone else", @"reps?", @"handoffs?", "contact", "csm", "customer success manager",
            "owner", "who owns", "on your side", "passed from", "our account"),
        [CommentTheme.SlowSupport] = Words("support", @"tickets?", @"escalat\w*", "response times?", "hold times", @"repl(y|ies)"),
        [CommentTheme.GreatSupport] = Words("support", @"tickets?", "help desk"),
        [CommentTheme.Pricing] = Words(
            @"(over)?pric\w*", "expensive", @"costs?", @"licens\w*", "renewal", "invoice", "bill", @"seats?", "paid add-on", "pay", "fees",
            "overage", "quote", "discount", "money"),
        [CommentTheme.EaseOfUse] = Words(
            "easy", "intuitive", "simple", "user.friendly", "learning curve", "interface", "ui", "navigation", "clicks", "pick it up",
            "where you'd expect", "hand-holding", "no manual", "technical users", "using it", "design", "takes minutes"),
        [CommentTheme.HardToUse] = Words(
            "clunky", "learning curve", "clicks", "interface", @"(out)?dated", "training", "menus", @"confusing", @"navigat\w*",
            "hard to use", "configuring", "cluttered", "layout", "unintuitive", "not intuitive", "complicated", "get lost", "ui",
            @"screens?", @"shortcuts?", "guidance", "basic things"),
        [CommentTheme.Reliability] = Words(
            @"outages?", "down", @"crash\w*", @"load\w*", @"break\w*", "slow", @"bug\w*", "performance", "times out", "disappears",
            "trust it", "fail silently", @"freez\w*", "laggy", "downtime", "glitch", "snappier", "faster", "tested"),
        [CommentTheme.Onboarding] = Words(
            @"onboard\w*", "implementation", "go-live", "migration", "setup", "kickoff", "getting-started", "training"),
        [CommentTheme.Reporting] = Words(@"reports?", @"reporting", @"dashboards?", "analytics", @"charts?", "metrics", "visualizations", "bi tool"),
        [CommentTheme.ProductValue] = Words(
            "value", "valuable", "roi", "paid for itself", "core", "transformed", "without it", "does exactly what", "saves", "solid",
            "numbers", "productivity", "retention", "throughput", "worth", "powerful", "heavy lifting", "far more out of it", "functionality",
            "investment", "essential", "product itself", "deliver"),
    };

    public static TheoryData<CommentTheme> AllThemes()
    {
        var data = new TheoryData<CommentTheme>();
        foreach (CommentTheme t in Enum.GetValues<CommentTheme>())
        {
            data.Add(t);
        }

        return data;
    }

    [Fact]
    public void Same_seed_gives_same_text()
    {
        CommentTheme[][] themeSets =
        [
            [CommentTheme.ProductsDontIntegrate],
            [CommentTheme.GreatSupport, CommentTheme.Pricing],
            [],
            [CommentTheme.Reporting, CommentTheme.Onboarding, CommentTheme.Reliability],
        ];
        List<string> Run(int seed)
        {
            var rng = new Random(seed);
            var list = new List<string>();
            for (int i = 0; i < 400; i++)
            {
                list.Add(CommentWriter.Write(rng, themeSets[i % themeSets.Length], i % 11, Products));
            }

            return list;
        }

        Assert.Equal(Run(123), Run(123));
        Assert.NotEqual(Run(123), Run(124));
    }

    [Theory]
    [MemberData(nameof(AllThemes))]
    public void Each_theme_is_written_in_many_different_ways(CommentTheme theme)
    {
        var rng = new Random(1000 + (int)theme);
        var texts = new HashSet<string>();
        var firstSentences = new HashSet<string>();
        for (int i = 0; i < 500; i++)
        {
            string text = CommentWriter.Write(rng, [theme], rng.Next(11), Products);
            texts.Add(text);
            firstSentences.Add(FirstSentence(text));
        }

        Assert.True(texts.Count >= 40, $"{theme}: only {texts.Count} distinct texts");
        Assert.True(firstSentences.Count >= 8, $"{theme}: only {firstSentences.Count} distinct first sentences");
    }

    [Theory]
    [MemberData(nameof(AllThemes))]
    public void A_reader_can_tell_the_theme_of_every_single_theme_comment(CommentTheme theme)
    {
        var rng = new Random(2000 + (int)theme);
        for (int score = 0; score <= 10; score++)
        {
            for (int i = 0; i < 200; i++)
            {
                string text = CommentWriter.Write(rng, [theme], score, Products);
                Assert.True(Mentions(text, theme), $"{theme} at {score} not recognisable: {text}");
            }
        }
    }

    [Fact]
    public void Two_theme_comments_mention_both_themes()
    {
        var rng = new Random(3);
        foreach (CommentTheme first in CommentThemes.All)
        {
            foreach (CommentTheme second in CommentThemes.All)
            {
                if (first == second)
                {
                    continue;
                }

                for (int score = 0; score <= 10; score++)
                {
                    for (int i = 0; i < 8; i++)
                    {
                        string text = CommentWriter.Write(rng, [first, second], score, Products);
                        Assert.True(Mentions(text, first), $"{first} missing at {score}: {text}");
                        Assert.True(Mentions(text, second), $"{second} missing at {score}: {text}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Three_theme_comments_mention_all_three()
    {
        var rng = new Random(33);
        CommentTheme[] themes = [CommentTheme.ProductsDontIntegrate, CommentTheme.TooManyAccountManagers, CommentTheme.GreatSupport];
        for (int i = 0; i < 1000; i++)
        {
            string text = CommentWriter.Write(rng, themes, i % 11, Products);
            Assert.All(themes, t => Assert.True(Mentions(text, t), $"{t} missing: {text}"));
        }
    }

    [Fact]
    public void Promoter_praise_for_support_never_sounds_like_a_complaint()
    {
        var rng = new Random(4);
        string[] complaintWords = ["slow", "waiting", "wait ", "forever", "unacceptable", "disappoint", "frustrat", "terrible", "still no", "chase"];
        for (int i = 0; i < 3000; i++)
        {
            string text = CommentWriter.Write(rng, [CommentTheme.GreatSupport], 9 + (i % 2), Products);
            foreach (string word in complaintWords)
            {
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Detractor_complaints_never_sound_like_a_promoter()
    {
        var rng = new Random(5);
        string[] praise = ["love it", "keep it up", "recommend", "couldn't be happier", "five stars", "big fan", "great partner", "reference"];
        foreach (CommentTheme theme in NegativeThemes)
        {
            for (int i = 0; i < 700; i++)
            {
                string text = CommentWriter.Write(rng, [theme], i % 7, Products);
                foreach (string word in praise)
                {
                    Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void Promoters_raise_problems_only_mildly()
    {
        var rng = new Random(6);
        string[] harsh = ["unacceptable", "ridiculous", "alternatives", "fed up", "cash grab", "not sure we'll stay", "disappoint", "painfully", "nightmare"];
        foreach (CommentTheme theme in NegativeThemes)
        {
            for (int i = 0; i < 700; i++)
            {
                string text = CommentWriter.Write(rng, [theme], 9 + (i % 2), Products);
                foreach (string word in harsh)
                {
                    Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void Integration_comments_usually_name_the_accounts_products()
    {
        var rng = new Random(7);
        int withOne = 0, withTwo = 0;
        const int n = 2000;
        for (int i = 0; i < n; i++)
        {
            string text = CommentWriter.Write(rng, [CommentTheme.ProductsDontIntegrate], i % 11, Products);
            int named = Products.Count(p => text.Contains(p, StringComparison.Ordinal));
            withOne += named >= 1 ? 1 : 0;
            withTwo += named >= 2 ? 1 : 0;
        }

        Assert.True(withOne >= n / 2, $"only {withOne}/{n} name a product");
        Assert.True(withTwo >= n / 4, $"only {withTwo}/{n} name two products");
    }

    [Fact]
    public void Products_that_appear_are_the_accounts_own()
    {
        var rng = new Random(8);
        string[] own = ["Analytics", "Connect"];
        string[] others = ["Core Platform", "Automation"];
        for (int i = 0; i < 1000; i++)
        {
            string text = CommentWriter.Write(rng, [CommentTheme.ProductsDontIntegrate, CommentTheme.TooManyAccountManagers], i % 11, own);
            Assert.All(others, p => Assert.DoesNotContain(p, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Comments_are_never_empty_and_always_well_formed()
    {
        var rng = new Random(9);
        CommentTheme[] all = [.. CommentThemes.All];
        for (int i = 0; i < 20000; i++)
        {
            int themeCount = rng.Next(4);
            var themes = new CommentTheme[themeCount];
            for (int k = 0; k < themeCount; k++)
            {
                themes[k] = all[rng.Next(all.Length)];
            }

            string[] products = Products[..rng.Next(Products.Length + 1)];
            string text = CommentWriter.Write(rng, themes, rng.Next(-3, 14), products);

            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(char.IsUpper(text[0]), $"does not start with a capital: {text}");
            Assert.Contains(text[^1], ".!?");
            Assert.DoesNotContain("{", text);
            Assert.DoesNotContain("}", text);
            Assert.DoesNotContain("  ", text);
            Assert.DoesNotContain(" ,", text);
            Assert.DoesNotContain(" .", text);
            Assert.DoesNotContain("..", text);
            Assert.Equal(text.Trim(), text);
            AssertSentencesStartWithCapitals(text);
        }
    }

    [Fact]
    public void Lengths_range_from_fragments_to_several_sentences()
    {
        var rng = new Random(10);
        int fragments = 0, longOnes = 0, twoThemeShort = 0;
        const int n = 5000;
        int maxSentences = 0;
        for (int i = 0; i < n; i++)
        {
            CommentTheme theme = CommentThemes.All[i % CommentThemes.All.Count];
            string text = CommentWriter.Write(rng, [theme], rng.Next(11), Products);
            int words = text.Split(' ').Length;
            int sentences = SentenceCount(text);
            fragments += words <= 5 ? 1 : 0;
            longOnes += sentences >= 3 ? 1 : 0;
            maxSentences = Math.Max(maxSentences, sentences);

            string pair = CommentWriter.Write(rng, [theme, CommentTheme.Pricing], rng.Next(11), Products);
            twoThemeShort += SentenceCount(pair) == 1 ? 1 : 0;
        }

        Assert.True(fragments >= n / 20, $"only {fragments} short fragments");
        Assert.True(longOnes >= n / 10, $"only {longOnes} comments of 3+ sentences");
        Assert.True(twoThemeShort >= n / 20, $"only {twoThemeShort} two-theme comments joined in one sentence");
        Assert.True(maxSentences <= 5, $"a comment ran to {maxSentences} sentences");
    }

    [Fact]
    public void Comments_without_a_theme_follow_the_score()
    {
        var rng = new Random(11);
        for (int i = 0; i < 300; i++)
        {
            Assert.False(string.IsNullOrWhiteSpace(CommentWriter.Write(rng, [], i % 11, [])));
        }
    }

    [Fact]
    public void Unknown_theme_value_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentWriter.Write(new Random(1), [(CommentTheme)99], 5, Products));
    }

    [Fact]
    public void Keys_round_trip()
    {
        Assert.Equal(Enum.GetValues<CommentTheme>(), CommentThemes.All);
        var keys = new HashSet<string>();
        foreach (CommentTheme theme in CommentThemes.All)
        {
            string key = CommentThemes.Key(theme);
            Assert.Matches("^[a-z]+(_[a-z]+)*$", key);
            Assert.True(keys.Add(key), $"duplicate key {key}");
            Assert.Equal(theme, CommentThemes.FromKey(key));
        }

        Assert.Equal("products_dont_integrate", CommentThemes.Key(CommentTheme.ProductsDontIntegrate));
        Assert.Equal("too_many_account_managers", CommentThemes.Key(CommentTheme.TooManyAccountManagers));
        Assert.Throws<ArgumentException>(() => CommentThemes.FromKey("not_a_theme"));
    }

    [Theory]
    [MemberData(nameof(AllThemes))]
    public void Each_theme_has_at_least_twelve_core_phrasings_for_its_tone(CommentTheme theme)
    {
        ThemeBank bank = ThemeBanks.For(theme);
        Assert.Equal(theme, bank.Theme);
        bool complaints = bank.Nature != ThemeNature.Positive;
        bool praise = bank.Nature != ThemeNature.Negative;
        if (complaints)
        {
            Assert.True(bank.Negative.Count >= 12, $"{theme}: {bank.Negative.Count} complaint phrasings");
            Assert.Contains(bank.Negative.Items, t => t.Intensity == 0 && t.ProductNeed == 0);
            Assert.False(bank.NegativeFragments.IsEmpty);
            Assert.False(bank.NegativeDetails.IsEmpty);
            Assert.True(bank.Wishes.Count >= 4, $"{theme}: {bank.Wishes.Count} promoter wishes");
        }

        if (praise)
        {
            Assert.True(bank.Positive.Count >= 12, $"{theme}: {bank.Positive.Count} praise phrasings");
            Assert.Contains(bank.Positive.Items, t => t.Intensity == 0 && t.ProductNeed == 0);
            Assert.False(bank.PositiveFragments.IsEmpty);
            Assert.False(bank.PositiveDetails.IsEmpty);
            Assert.True(bank.Faint.Count >= 3, $"{theme}: {bank.Faint.Count} faint-praise phrasings");
        }
    }

        private static Regex Words(params string[] patterns) =>
        new(@"\b(" + string.Join("|", patterns) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool Mentions(string comment, CommentTheme theme)
    {
        string text = comment;
        foreach (string p in Products)
        {
            text = text.Replace(p, "<product>", StringComparison.Ordinal);
        }

        return Lexicon[theme].IsMatch(text);
    }

    private static string FirstSentence(string text)
    {
        for (int i = 0; i < text.Length - 1; i++)
        {
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ')
            {
                return text[..(i + 1)];
            }
        }

        return text;
    }

    private static int SentenceCount(string text)
    {
        int count = 1;
        for (int i = 0; i < text.Length - 1; i++)
        {
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ')
            {
                count++;
            }
        }

        return count;
    }

    private static void AssertSentencesStartWithCapitals(string text)
    {
        for (int i = 0; i < text.Length - 2; i++)
        {
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ')
            {
                Assert.True(char.IsUpper(text[i + 2]) || char.IsDigit(text[i + 2]), $"lower-case sentence start at {i + 2}: {text}");
            }
        }
    }
}
