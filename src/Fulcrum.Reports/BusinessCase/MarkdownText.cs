namespace Fulcrum.Reports.BusinessCase;

/// <summary>
/// Data text (theme labels, lever titles, reasons) placed in a Markdown document: HTML is shown as text, never rendered,
/// and a '|' cannot break a table.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
