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
}
