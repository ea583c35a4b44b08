using Fulcrum.Analytics.Themes;

namespace Fulcrum.Analytics.Tests.Themes;

public class ThemeLabelerTests
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
        var plain = ThemeLabeler.KeyPhrases(Texts, Labels, 2);
        Assert.Contains(plain[0], p => p.Contains("core", StringComparison.Ordinal) || p.Contains("connect", StringComparison.Ordinal));
        var masked = ThemeLabeler.KeyPhrases(Texts, Labels, 2, productNames: ["Core Platform", "Connect", "Analytics"]);
        Assert.All(masked.SelectMany(p => p), p => Assert.DoesNotContain(p.Split(' '), w => w is "core" or "platform" or "connect" or "analytics"));
        Assert.Contains("customer records", masked[0]);
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
}
