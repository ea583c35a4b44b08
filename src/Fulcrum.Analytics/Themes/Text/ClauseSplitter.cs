using System.Text.RegularExpressions;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// Splits a sentence into clauses at contrast and apposition marks (", but", ", though", "except that", a colon, ", which",
/// ", and", a dash) and drops the connector: "It's fine, but the tools don't talk to each other" holds a verdict and a
/// complaint, and only the second names the theme. A mention can hold two sentences (a short fragment joins its
/// neighbour: "The products don't sync. Could be better."), so it also splits where a sentence ends and another begins.
/// </summary>
public static partial class ClauseSplitter
{
    [GeneratedRegex(@"(?:,\s+|\s+[-–—]\s+)(?=(?:but|though|although|except|which|and|so|because|while|yet)\b)|:\s+|\s+(?=except\s+that\b)|\s+(?=but\s)|(?<=[.!?])\s+(?=(?-i:\p{Lu}))", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:but|though|although|except(?:\s+that)?|which|and|so|because|while|yet)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Connector();

    public static List<string> Split(string sentence) =>
        Boundary().Split(sentence).Select(raw => Connector().Replace(raw.Trim(), "")).Where(c => c.Length > 0).ToList();
}
