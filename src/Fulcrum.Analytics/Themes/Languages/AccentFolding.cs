using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>
/// Accent folding: "não recebi" and "nao recebi", "atención" and "atencion" become one key. Customers type without accents
/// on phones and keyboards that lack them, so a theme, a key phrase or a lexicon entry keyed on the accented spelling
/// would split one complaint in two. Accented Latin letters map to their base letter and combining marks are dropped; ß, æ,
/// œ and ø have no base letter and are kept as written.
/// </summary>
/// <remarks>
/// A table rather than Unicode decomposition (string.Normalize): Fulcrum runs with invariant globalization, where
/// normalization does not decompose non-ASCII letters.
/// </remarks>
public static class AccentFolding
{
    const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöōŏőùúûüũūŭůűųŵýÿŷźżž";
    const string Plain    = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnoooooooouuuuuuuuuuwyyyzzz";

    static readonly FrozenDictionary<char, char> Table = BuildTable();

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = true;
        foreach (var c in text) if (c > 0x7F) { ascii = false; break; }
        if (ascii) return text;
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c <= 0x7F) folded.Append(c);
            else if (Table.TryGetValue(c, out var plain)) folded.Append(plain);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        }
        return folded.ToString();
    }

    static FrozenDictionary<char, char> BuildTable()
    {
        if (Accented.Length != Plain.Length) throw new InvalidOperationException("AccentFolding: the accented and plain letter tables differ in length.");
        var table = new Dictionary<char, char>();
        for (var i = 0; i < Accented.Length; i++)
        {
            table[Accented[i]] = Plain[i];
            var upper = char.ToUpperInvariant(Accented[i]);
            if (upper != Accented[i]) table[upper] = char.ToUpperInvariant(Plain[i]);
        }
        return table.ToFrozenDictionary();
    }
}
