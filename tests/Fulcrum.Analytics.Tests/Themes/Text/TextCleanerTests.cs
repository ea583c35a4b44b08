using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Analytics.Tests.Themes.Text;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("  spaced   out ", "spaced out")]
    [InlineData("@united my bag", "my bag")]
    [InlineData("see https://x.co/a now", "see now")]
    [InlineData("visit WWW.example.com today", "visit today")]
    [InlineData("Fish &amp; chips", "Fish & chips")]
    [InlineData("#fail again", "fail again")]
    [InlineData("tab\there", "tab here")]
    [InlineData("no\u00A0break", "no break")]
    [InlineData("two\n\nlines", "two lines")]
    public void Addressing_is_removed_and_whitespace_collapsed(string text, string cleaned) =>
        Assert.Equal(cleaned, TextCleaner.Clean(text));

    [Theory]
    [InlineData("Great service, thanks!")]
    [InlineData("Não recebi o produto até hoje.")]
    [InlineData("")]
    public void A_text_with_nothing_to_clean_is_returned_as_it_is(string text) =>
        Assert.Same(text, TextCleaner.Clean(text));
}
