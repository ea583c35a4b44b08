using Fulcrum.Reports.BusinessCase;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>Finding 15: business-case.md carried raw HTML from theme labels; data text is now escaped.</summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Fix theme \"<img src=x onerror=alert(1)>\"", "Fix theme \"&lt;img src=x onerror=alert(1)&gt;\"")]
    [InlineData("billing | invoices", "billing \\| invoices")]
    [InlineData("R&D", "R&amp;D")]
    [InlineData("plain words", "plain words")]
    public void Data_text_cannot_inject_HTML_or_break_a_table(string text, string expected) => Assert.Equal(expected, MarkdownText.Escape(text));
}
