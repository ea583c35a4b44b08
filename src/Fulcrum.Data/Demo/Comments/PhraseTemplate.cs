using System.Text;

namespace Fulcrum.Data.Demo.Comments;

/// <summary>Tone index used to pick tone-dependent word lists (intensifiers).</summary>
internal static class ToneIndex
{
    public const int Detractor = 0;
    public const int Passive = 1;
    public const int Promoter = 2;
    public const int Angry = 3;
    public const int Count = 4;
}

/// <summary>Per-call state threaded through template rendering.</summary>
internal struct RenderContext
{
    public Random Rng;

    /// <summary>One of <see cref="ToneIndex"/>; selects tone-dependent lists.</summary>
    public int Tone;

    /// <summary>First product name ({A}).</summary>
    public string A;

    /// <summary>Second, different product name ({B}).</summary>
    public string B;
}

internal enum SegmentKind : byte
{
    Literal,
    Choice,
    ToneChoice,
    ProductA,
    ProductB,
    Slot,
    Number,
}

internal sealed class Segment(SegmentKind kind, string text, string[]? options, string[][]? toneOptions, bool proper)
{
    public readonly SegmentKind Kind = kind;
    public readonly string Text = text;
    public readonly string[]? Options = options;
    public readonly string[][]? ToneOptions = toneOptions;

    /// <summary>Proper nouns (names, products) are never lower-cased mid-sentence.</summary>
    public readonly bool Proper = proper;
}

/// <summary>
/// A pre-parsed phrase. Syntax, parsed once at type initialisation so the hot path does no parsing:
/// <c>{a|b|c}</c> one of the options (may be empty), <c>{A}</c>/<c>{B}</c> product names,
/// <c>{@list}</c> a named word list (<see cref="WordLists"/>), <c>{#}</c> a 5-digit number,
/// <c>{*}</c> the slot a frame wraps around a core phrase. A leading <c>~</c> or <c>!</c> marks a
/// strong (intensity 1) or extreme (intensity 2) phrase: a complaint that promoters (and, if extreme,
/// passives) would not make, or praise that detractors (and, if extreme, passives) would not give. The first visible word is cased from context: capitalised at
/// a sentence start, lower-cased mid-sentence (except "I", acronyms and proper nouns).
/// </summary>
internal sealed class PhraseTemplate
{
    private readonly Segment[] segments;

    private PhraseTemplate(string source, Segment[] segments, int intensity, int productNeed, int sentences)
    {
        Source = source;
        this.segments = segments;
        Intensity = intensity;
        ProductNeed = productNeed;
        Sentences = sentences;
    }

    public string Source { get; }

    /// <summary>0 for ordinary phrasing, 1 for strong (~), 2 for extreme (!).</summary>
    public int Intensity { get; }

    /// <summary>How many distinct product names the phrase needs (0, 1 or 2).</summary>
    public int ProductNeed { get; }

    /// <summary>True when the phrase begins with <c>{*}</c> (a frame that adds no words before the core).</summary>
    public bool StartsWithSlot => segments[0].Kind == SegmentKind.Slot;

    /// <summary>True for a lead-in such as "To be blunt, " that continues into the next phrase.</summary>
    public bool IsLeadIn => segments[^1].Kind == SegmentKind.Literal && segments[^1].Text.EndsWith(' ');

    /// <summary>Approximate number of sentences the phrase adds (a frame counts its own, not the slot's).</summary>
    public int Sentences { get; }

    public static PhraseTemplate Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        int intensity = 0;
        int productNeed = 0;
        int breaks = 0;
        int i = 0;
        if (source.Length > 0 && (source[0] == '!' || source[0] == '~'))
        {
            intensity = source[0] == '!' ? 2 : 1;
            i = 1;
        }

        while (i < source.Length)
        {
            char c = source[i];
            if (c == '}')
            {
                throw new FormatException($"Unbalanced '}}' in phrase: {source}");
            }

            if (c != '{')
            {
                literal.Append(c);
                if ((c == '.' || c == '!' || c == '?') && i + 1 < source.Length && source[i + 1] == ' ')
                {
                    breaks++;
                }

                i++;
                continue;
            }

            int close = source.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '{{' in phrase: {source}");
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(SegmentKind.Literal, literal.ToString(), null, null, false));
                literal.Clear();
            }

            string body = source.Substring(i + 1, close - i - 1);
            if (body.Contains('{'))
            {
                throw new FormatException($"Nested braces are not supported: {source}");
            }

            switch (body)
            {
                case "*":
                    segments.Add(new Segment(SegmentKind.Slot, "", null, null, false));
                    break;
                case "A":
                    segments.Add(new Segment(SegmentKind.ProductA, "", null, null, true));
                    productNeed = Math.Max(productNeed, 1);
                    break;
                case "B":
                    segments.Add(new Segment(SegmentKind.ProductB, "", null, null, true));
                    productNeed = 2;
                    break;
                case "#":
                    segments.Add(new Segment(SegmentKind.Number, "", null, null, true));
                    break;
                default:
                    if (body.StartsWith('@'))
                    {
                        var list = WordLists.Get(body[1..]);
                        segments.Add(new Segment(SegmentKind.ToneChoice, "", null, list.ByTone, list.Proper));
                    }
                    else if (body.Contains('|'))
                    {
                        string[] options = body.Split('|');
                        foreach (string o in options)
                        {
                            if ((o.Contains(". ") || o.Contains("! ") || o.Contains("? ")) && breaks == 0)
                            {
                                breaks++;
                            }
                        }

                        segments.Add(new Segment(SegmentKind.Choice, "", options, null, false));
                    }
                    else
                    {
                        throw new FormatException($"Unknown placeholder '{{{body}}}' in phrase: {source}");
                    }

                    break;
            }

            i = close + 1;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(SegmentKind.Literal, literal.ToString(), null, null, false));
        }

        if (segments.Count == 0)
        {
            throw new FormatException("Empty phrase.");
        }

        return new PhraseTemplate(source, [.. segments], intensity, productNeed, breaks + 1);
    }

    /// <summary>Appends the phrase, filling <c>{*}</c> with <paramref name="slot"/>.</summary>
    public void Render(StringBuilder sb, ref RenderContext ctx, PhraseTemplate? slot)
    {
        bool caseFix = true;
        foreach (Segment seg in segments)
        {
            string text;
            switch (seg.Kind)
            {
                case SegmentKind.Literal:
                    text = seg.Text;
                    break;
                case SegmentKind.Choice:
                    text = seg.Options![ctx.Rng.Next(seg.Options.Length)];
                    break;
                case SegmentKind.ToneChoice:
                    string[] list = seg.ToneOptions![ctx.Tone];
                    text = list[ctx.Rng.Next(list.Length)];
                    break;
                case SegmentKind.ProductA:
                    text = ctx.A;
                    break;
                case SegmentKind.ProductB:
                    text = ctx.B;
                    break;
                case SegmentKind.Number:
                    sb.Append(ctx.Rng.Next(10000, 100000));
                    caseFix = false;
                    continue;
                case SegmentKind.Slot:
                    slot?.Render(sb, ref ctx, null);
                    caseFix = false;
                    continue;
                default:
                    continue;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (caseFix)
            {
                AppendCased(sb, text, seg.Proper);
                caseFix = false;
            }
            else
            {
                sb.Append(text);
            }
        }
    }

    public override string ToString() => Source;

    /// <summary>True when the next text starts a sentence (start of text, or after ". ", "! ", "? ").</summary>
    internal static bool AtSentenceStart(StringBuilder sb)
    {
        int n = sb.Length;
        if (n == 0)
        {
            return true;
        }

        char c = sb[n - 1];
        if (c == ' ')
        {
            if (n == 1)
            {
                return true;
            }

            c = sb[n - 2];
        }

        return c == '.' || c == '!' || c == '?';
    }

    private static void AppendCased(StringBuilder sb, string text, bool proper)
    {
        char first = text[0];
        if (AtSentenceStart(sb))
        {
            if (char.IsLower(first))
            {
                sb.Append(char.ToUpperInvariant(first)).Append(text, 1, text.Length - 1);
                return;
            }
        }
        else if (!proper && char.IsUpper(first) && !KeepsCapital(text))
        {
            sb.Append(char.ToLowerInvariant(first)).Append(text, 1, text.Length - 1);
            return;
        }

        sb.Append(text);
    }

    /// <summary>"I", "I'm", acronyms such as "UI", "API", "SSO", "CSVs".</summary>
    private static bool KeepsCapital(string text)
    {
        if (text.Length == 1)
        {
            return text[0] == 'I';
        }

        char second = text[1];
        return (text[0] == 'I' && (second == ' ' || second == '\'')) || char.IsUpper(second);
    }
}

/// <summary>A small bank of parsed phrases with constrained random choice.</summary>
internal sealed class TemplateSet
{
    public static readonly TemplateSet Empty = new([]);

    private readonly PhraseTemplate[] items;

    public TemplateSet(string[] sources)
    {
        items = new PhraseTemplate[sources.Length];
        for (int i = 0; i < sources.Length; i++)
        {
            items[i] = PhraseTemplate.Parse(sources[i]);
        }
    }

    public int Count => items.Length;

    public bool IsEmpty => items.Length == 0;

    public IReadOnlyList<PhraseTemplate> Items => items;

    public PhraseTemplate Pick(Random rng) => items[rng.Next(items.Length)];

    /// <summary>
    /// A phrase that needs at most <paramref name="productLimit"/> product names and has an intensity of at
    /// most <paramref name="maxIntensity"/>. Falls back to the nearest acceptable phrase, then to any phrase.
    /// </summary>
    public PhraseTemplate Pick(Random rng, int productLimit, int maxIntensity)
    {
        int n = items.Length;
        for (int tries = 0; tries < 3; tries++)
        {
            PhraseTemplate t = items[rng.Next(n)];
            if (t.ProductNeed <= productLimit && t.Intensity <= maxIntensity)
            {
                return t;
            }
        }

        int start = rng.Next(n);
        for (int k = 0; k < n; k++)
        {
            PhraseTemplate t = items[(start + k) % n];
            if (t.ProductNeed <= productLimit && t.Intensity <= maxIntensity)
            {
                return t;
            }
        }

        return items[start];
    }
}
