using System.Text.RegularExpressions;

namespace Fulcrum.Analytics.Themes.Text;

/// <summary>
/// The company's product names in a clause replaced by a neutral noun, so a complaint written about named products can name
/// its theme without naming them: "Core Platform and Analytics don't share data" → "the products don't share data",
/// "Core Platform is slow" → "the product is slow", "our Analytics licence" → "our product licence". A name is matched as
/// it is written in the product list (capitalised: "Connect", not the verb "connect"); a list of names ("A, B and C",
/// "A and B", "A/B") becomes one plural noun. A clause naming products in two places ("Please integrate A with B") has no
/// neutral reading and is not masked (null).
/// </summary>
public sealed partial class ProductNameMask
{
    readonly Regex? _names;

    public ProductNameMask(IEnumerable<string> productNames)
    {
        var names = productNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => Regex.Replace(Regex.Escape(n), @"(?:\\ )+", @"\s+")).ToList();
        if (names.Count == 0) return;
        var name = $"(?:{string.Join('|', names)})";
        const string separator = @"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)";
        _names = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:(?<determiner>the|our|your|their|this|that|a|an)\s+)?(?<list>{name}(?:{separator}{name})*)(?![\p{{L}}\p{{N}}])",
            RegexOptions.CultureInvariant);
    }

    /// <summary>The neutral noun's two forms: it stands for a name, so it says nothing of a theme by itself.</summary>
    public static bool IsMaskNoun(string word) => word is "product" or "products";

    /// <summary>The clause with its product names masked; the clause itself when it names none; null when it names products in two places.</summary>
    public string? Mask(string clause)
    {
        if (_names is null) return clause;
        var matches = _names.Matches(clause);
        if (matches.Count == 0) return clause;
        if (matches.Count > 1) return null;
        var match = matches[0];
        var plural = Separators().IsMatch(match.Groups["list"].Value);
        var determiner = match.Groups["determiner"].Value;
        var replacement = (plural, determiner) switch
        {
            (false, "") => "the product",
            (false, "an") => "a product",
            (false, _) => determiner + " product",
            (true, "" or "a" or "an") => "the products",
            (true, "this") => "these products",
            (true, "that") => "those products",
            (true, _) => determiner + " products",
        };
        return clause[..match.Index] + replacement + clause[(match.Index + match.Length)..];
    }

    [GeneratedRegex(@",|\s(?:and|or|&)\s|/")]
    private static partial Regex Separators();
}
