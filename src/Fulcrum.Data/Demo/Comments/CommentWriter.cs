using System.Text;

namespace Fulcrum.Data.Demo.Comments;

/// <summary>
/// Writes realistic free-text survey comments for the synthetic demo company. A comment talks about
/// the given themes in a tone that follows the NPS score: detractors (0-6) complain, sometimes angrily;
/// passives (7-8) are mixed ("fine, but"); promoters (9-10) praise, sometimes with a small wish.
/// Each theme has many core phrasings wrapped in varied frames, with optional openers, details and
/// closers, so comments range from four-word fragments to three or four sentences.
/// </summary>
/// <remarks>
/// Deterministic for a given <see cref="Random"/> state; all phrase data is parsed once at start-up,
/// so a call only picks, appends and allocates the result string.
/// </remarks>
public static class CommentWriter
{
    private const int MaxThemes = 3;
    private const int MaxSentences = 4;

    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    private enum ClauseKind : byte
    {
        Complaint,
        Praise,
        Wish,
        Faint,
    }

    private struct Clause
    {
        public ThemeBank Bank;
        public PhraseTemplate Core;
        public PhraseTemplate Frame;
        public TemplateSet FrameSet;
        public TemplateSet Details;
        public ClauseKind Kind;

        public readonly bool Negative => Kind is ClauseKind.Complaint or ClauseKind.Wish;

        public readonly bool Plain => Kind is ClauseKind.Complaint or ClauseKind.Praise;
    }

    /// <summary>Writes one comment.</summary>
    /// <param name="rng">Source of randomness; the text depends only on its state and the other arguments.</param>
    /// <param name="themes">The themes to mention (duplicates ignored, at most three used). Empty gives a theme-less comment.</param>
    /// <param name="npsScore">The response's NPS score, 0-10 (clamped); sets the tone.</param>
    /// <param name="products">
    /// The account's product names (e.g. "Core Platform", "Analytics", "Automation", "Connect"), used to make
    /// comments concrete ("Analytics and Automation don't share data").
    /// </param>
    /// <returns>A non-empty comment.</returns>
    public static string Write(Random rng, IReadOnlyList<CommentTheme> themes, int npsScore, IReadOnlyList<string> products)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(products);

        int score = Math.Clamp(npsScore, 0, 10);
        int tone = score <= 6 ? ToneIndex.Detractor : score <= 8 ? ToneIndex.Passive : ToneIndex.Promoter;
        bool angry = score <= 3 && rng.Next(100) < (score <= 1 ? 60 : 35);

        var ctx = new RenderContext
        {
            Rng = rng,
            Tone = angry ? ToneIndex.Angry : tone,
            A = "the platform",
            B = "the other modules",
        };
        int productLimit = ChooseProducts(rng, products, ref ctx);

        Span<CommentTheme> distinct = stackalloc CommentTheme[MaxThemes];
        int count = 0;
        for (int i = 0; i < themes.Count && count < MaxThemes; i++)
        {
            CommentTheme t = themes[i];
            if ((uint)t > (uint)CommentTheme.ProductValue)
            {
                throw new ArgumentOutOfRangeException(nameof(themes), t, "Unknown comment theme.");
            }

            bool seen = false;
            for (int j = 0; j < count; j++)
            {
                seen |= distinct[j] == t;
            }

            if (!seen)
            {
                distinct[count++] = t;
            }
        }

        StringBuilder sb = cachedBuilder ??= new StringBuilder(512);
        sb.Clear();
        if (count == 0)
        {
            WriteGeneric(sb, ref ctx, tone, angry);
        }
        else if (count == 1)
        {
            WriteSingle(sb, ref ctx, ThemeBanks.For(distinct[0]), tone, angry, productLimit);
        }
        else
        {
            WriteSeveral(sb, ref ctx, distinct[..count], tone, angry, productLimit);
        }

        if (sb.Length == 0)
        {
            sb.Append(tone == ToneIndex.Promoter ? "Great product." : tone == ToneIndex.Passive ? "It's okay." : "Not happy.");
        }

        return sb.ToString();
    }

    private static int ChooseProducts(Random rng, IReadOnlyList<string> products, ref RenderContext ctx)
    {
        int n = products.Count;
        if (n == 0)
        {
            return 0;
        }

        int i = rng.Next(n);
        ctx.A = products[i];
        if (n == 1)
        {
            return 1;
        }

        int j = rng.Next(n - 1);
        if (j >= i)
        {
            j++;
        }

        ctx.B = products[j];
        return 2;
    }

    private static void WriteGeneric(StringBuilder sb, ref RenderContext ctx, int tone, bool angry)
    {
        Random rng = ctx.Rng;
        if (angry && rng.Next(100) < 50)
        {
            CommonPhrases.AngryOpeners.Pick(rng).Render(sb, ref ctx, null);
            Space(sb);
        }

        TemplateSet set = tone switch
        {
            ToneIndex.Detractor => CommonPhrases.GenericDetractor,
            ToneIndex.Passive => CommonPhrases.GenericPassive,
            _ => CommonPhrases.GenericPromoter,
        };
        set.Pick(rng).Render(sb, ref ctx, null);
        if (rng.Next(100) < 30)
        {
            Space(sb);
            AppendCloser(sb, ref ctx, tone, angry, negativeClause: tone != ToneIndex.Promoter);
        }
    }

    private static void WriteSingle(StringBuilder sb, ref RenderContext ctx, ThemeBank bank, int tone, bool angry, int productLimit)
    {
        Random rng = ctx.Rng;
        Clause c = ChooseClause(bank, tone, angry, ref ctx, productLimit);

        if (rng.Next(100) < 15 && TryAppendFragment(sb, ref ctx, c, tone, angry, productLimit))
        {
            if (rng.Next(100) < 20)
            {
                Space(sb);
                AppendCloser(sb, ref ctx, tone, angry, c.Negative);
            }

            return;
        }

        int sentences = 0;
        if (rng.Next(100) < 28)
        {
            sentences += AppendOpener(sb, ref ctx, tone, angry, c.Frame.StartsWithSlot);
        }

        c.Frame.Render(sb, ref ctx, c.Core);
        sentences += c.Frame.Sentences;

        if (!c.Details.IsEmpty && sentences < MaxSentences && rng.Next(100) < 40)
        {
            Space(sb);
            c.Details.Pick(rng, productLimit, maxIntensity: 2).Render(sb, ref ctx, null);
            sentences++;
        }

        if (sentences < MaxSentences && rng.Next(100) < 35)
        {
            Space(sb);
            AppendCloser(sb, ref ctx, tone, angry, c.Negative);
        }
    }

    private static void WriteSeveral(StringBuilder sb, ref RenderContext ctx, ReadOnlySpan<CommentTheme> themes, int tone, bool angry, int productLimit)
    {
        Random rng = ctx.Rng;
        int sentences = 0;
        Clause prev = ChooseClause(ThemeBanks.For(themes[0]), tone, angry, ref ctx, productLimit);
        Clause next = ChooseClause(ThemeBanks.For(themes[1]), tone, angry, ref ctx, productLimit);
        bool oneSentence = prev.Plain && next.Plain && (tone != ToneIndex.Detractor || prev.Negative || next.Negative) && rng.Next(100) < 35;
        if (!oneSentence && prev.Frame.Intensity > 0 && (next.Negative || themes.Length > 2))
        {
            // Don't wrap up ("..., but otherwise it's fine") when another point follows.
            prev.Frame = prev.FrameSet.Pick(rng, productLimit: 0, maxIntensity: 0);
        }

        if (rng.Next(100) < 15)
        {
            sentences += AppendOpener(sb, ref ctx, tone, angry, oneSentence || prev.Frame.StartsWithSlot);
        }

        bool endsNegative;
        if (oneSentence)
        {
            // Both themes in one sentence: "A and B don't sync, and support takes forever to respond."
            prev.Core.Render(sb, ref ctx, null);
            string[] joiners = prev.Negative == next.Negative ? CommonPhrases.SameJoiners : CommonPhrases.ContrastJoiners;
            sb.Append(joiners[rng.Next(joiners.Length)]);
            next.Core.Render(sb, ref ctx, null);
            AppendEnd(sb, rng, angry);
            sentences++;
            endsNegative = next.Negative;
        }
        else
        {
            prev.Frame.Render(sb, ref ctx, prev.Core);
            sentences += prev.Frame.Sentences;
            if (!prev.Details.IsEmpty && sentences < 2 && rng.Next(100) < 20)
            {
                Space(sb);
                prev.Details.Pick(rng, productLimit, maxIntensity: 2).Render(sb, ref ctx, null);
                sentences++;
            }

            Space(sb);
            sentences += AppendFollowing(sb, ref ctx, next, prev.Kind == ClauseKind.Complaint, FramedEndsNegative(prev, tone), tone, angry, out endsNegative);
        }

        for (int k = 2; k < themes.Length; k++)
        {
            bool prevComplained = next.Kind == ClauseKind.Complaint;
            next = ChooseClause(ThemeBanks.For(themes[k]), tone, angry, ref ctx, productLimit);
            Space(sb);
            sentences += AppendFollowing(sb, ref ctx, next, prevComplained, endsNegative, tone, angry, out endsNegative);
        }

        if (!next.Details.IsEmpty && sentences < MaxSentences && rng.Next(100) < 20)
        {
            Space(sb);
            next.Details.Pick(rng, productLimit, maxIntensity: 2).Render(sb, ref ctx, null);
            sentences++;
        }

        if (sentences < MaxSentences && rng.Next(100) < 25)
        {
            Space(sb);
            AppendCloser(sb, ref ctx, tone, angry, next.Negative);
        }
    }

    /// <summary>
    /// Whether a framed clause leaves the reader on a negative note. A detractor's framed praise does
    /// ("..., but that's about it"), so what follows continues rather than contrasts.
    /// </summary>
    private static bool FramedEndsNegative(in Clause c, int tone) => c.Negative || tone == ToneIndex.Detractor;

    /// <summary>
    /// A later clause: "Connector, core." or its own sentence. Passives and promoters get no second lead-in
    /// ("Not bad overall. ... Not bad overall."); a detractor's praise after praise keeps its faint frame.
    /// </summary>
    private static int AppendFollowing(
        StringBuilder sb, ref RenderContext ctx, in Clause c, bool prevComplained, bool prevEndsNegative, int tone, bool angry, out bool endsNegative)
    {
        Random rng = ctx.Rng;
        bool connectorFits = c.Kind != ClauseKind.Faint && (tone != ToneIndex.Detractor || c.Negative || prevComplained);
        if (connectorFits && rng.Next(100) < 55)
        {
            TemplateSet connectors = c.Negative == prevEndsNegative
                ? CommonPhrases.SameConnectors
                : c.Negative ? CommonPhrases.ToNegativeConnectors : CommonPhrases.ToPositiveConnectors;
            connectors.Pick(rng).Render(sb, ref ctx, null);
            c.Core.Render(sb, ref ctx, null);
            AppendEnd(sb, rng, angry);
            endsNegative = c.Negative;
            return 1;
        }

        if (tone != ToneIndex.Detractor && !c.Frame.StartsWithSlot)
        {
            c.Core.Render(sb, ref ctx, null);
            AppendEnd(sb, rng, angry);
            endsNegative = c.Negative;
            return 1;
        }

        c.Frame.Render(sb, ref ctx, c.Core);
        endsNegative = FramedEndsNegative(c, tone);
        return c.Frame.Sentences;
    }

    private static Clause ChooseClause(ThemeBank bank, int tone, bool angry, ref RenderContext ctx, int productLimit)
    {
        Random rng = ctx.Rng;
        bool negative = bank.Nature switch
        {
            ThemeNature.Negative => true,
            ThemeNature.Positive => false,
            _ => tone switch
            {
                ToneIndex.Detractor => true,
                ToneIndex.Passive => rng.Next(100) < 50,
                _ => rng.Next(100) < 20,
            },
        };

        var c = new Clause { Bank = bank, Details = TemplateSet.Empty };
        if (negative)
        {
            switch (tone)
            {
                case ToneIndex.Detractor:
                    c.Kind = ClauseKind.Complaint;
                    c.Core = bank.Negative.Pick(rng, productLimit, maxIntensity: 2);
                    c.FrameSet = angry && rng.Next(100) < 40 ? CommonPhrases.AngryFrames : CommonPhrases.ComplaintFrames;
                    c.Frame = c.FrameSet.Pick(rng);
                    c.Details = bank.NegativeDetails;
                    break;
                case ToneIndex.Passive:
                    c.Kind = ClauseKind.Complaint;
                    c.Core = bank.Negative.Pick(rng, productLimit, maxIntensity: 1);
                    c.FrameSet = CommonPhrases.MildComplaintFrames;
                    c.Frame = c.FrameSet.Pick(rng);
                    c.Details = bank.NegativeDetails;
                    break;
                default:
                    if (!bank.Wishes.IsEmpty && rng.Next(100) < 55)
                    {
                        c.Kind = ClauseKind.Wish;
                        c.Core = bank.Wishes.Pick(rng, productLimit, maxIntensity: 0);
                        c.FrameSet = CommonPhrases.WishFrames;
                        c.Frame = c.FrameSet.Pick(rng);
                    }
                    else
                    {
                        c.Kind = ClauseKind.Complaint;
                        c.Core = bank.Negative.Pick(rng, productLimit, maxIntensity: 0);
                        c.FrameSet = CommonPhrases.GripeFrames;
                        c.Frame = c.FrameSet.Pick(rng);
                    }

                    break;
            }
        }
        else
        {
            switch (tone)
            {
                case ToneIndex.Promoter:
                    c.Kind = ClauseKind.Praise;
                    c.Core = bank.Positive.Pick(rng, productLimit, maxIntensity: 2);
                    c.FrameSet = CommonPhrases.PraiseFrames;
                    c.Frame = c.FrameSet.Pick(rng);
                    c.Details = bank.PositiveDetails;
                    break;
                case ToneIndex.Passive:
                    c.Kind = ClauseKind.Praise;
                    c.Core = bank.Positive.Pick(rng, productLimit, maxIntensity: 1);
                    c.FrameSet = CommonPhrases.MildPraiseFrames;
                    c.Frame = c.FrameSet.Pick(rng);
                    c.Details = bank.PositiveDetails;
                    break;
                default:
                    if (!bank.Faint.IsEmpty && rng.Next(100) < 50)
                    {
                        c.Kind = ClauseKind.Faint;
                        c.Core = bank.Faint.Pick(rng, productLimit, maxIntensity: 2);
                        c.FrameSet = CommonPhrases.FaintFrames;
                        c.Frame = c.FrameSet.Pick(rng);
                    }
                    else
                    {
                        c.Kind = ClauseKind.Praise;
                        c.Core = bank.Positive.Pick(rng, productLimit, maxIntensity: 0);
                        c.FrameSet = CommonPhrases.FaintPraiseFrames;
                        c.Frame = c.FrameSet.Pick(rng);
                    }

                    break;
            }
        }

        return c;
    }

    /// <summary>A short fragment ("Too many logins.") instead of a framed sentence, when one fits the tone.</summary>
    private static bool TryAppendFragment(StringBuilder sb, ref RenderContext ctx, in Clause c, int tone, bool angry, int productLimit)
    {
        if (!c.Plain)
        {
            return false;
        }

        TemplateSet fragments;
        if (c.Negative && tone != ToneIndex.Promoter)
        {
            fragments = c.Bank.NegativeFragments;
        }
        else if (!c.Negative && tone != ToneIndex.Detractor)
        {
            fragments = c.Bank.PositiveFragments;
        }
        else
        {
            return false;
        }

        if (fragments.IsEmpty)
        {
            return false;
        }

        Random rng = ctx.Rng;
        if (c.Negative && tone == ToneIndex.Passive)
        {
            CommonPhrases.PassiveFragmentLeads.Pick(rng).Render(sb, ref ctx, null);
        }

        fragments.Pick(rng, productLimit, maxIntensity: 2).Render(sb, ref ctx, null);
        if (angry && sb[^1] == '.' && rng.Next(100) < 50)
        {
            sb[^1] = '!';
        }

        return true;
    }

    /// <summary>
    /// Appends an opener; returns the sentences it added (0 for a lead-in such as "To be blunt, "). A lead-in
    /// is dropped unless <paramref name="leadInFits"/> (the next words are the core itself, not a frame's own lead).
    /// </summary>
    private static int AppendOpener(StringBuilder sb, ref RenderContext ctx, int tone, bool angry, bool leadInFits)
    {
        Random rng = ctx.Rng;
        TemplateSet set = tone switch
        {
            ToneIndex.Detractor => angry && rng.Next(100) < 60 ? CommonPhrases.AngryOpeners : CommonPhrases.DetractorOpeners,
            ToneIndex.Passive => CommonPhrases.PassiveOpeners,
            _ => CommonPhrases.PromoterOpeners,
        };
        PhraseTemplate opener = set.Pick(rng);
        if (opener.IsLeadIn && !leadInFits)
        {
            return 0;
        }

        opener.Render(sb, ref ctx, null);
        if (sb[^1] == ' ')
        {
            return 0;
        }

        sb.Append(' ');
        return 1;
    }

    private static void AppendCloser(StringBuilder sb, ref RenderContext ctx, int tone, bool angry, bool negativeClause)
    {
        Random rng = ctx.Rng;
        TemplateSet set = tone switch
        {
            ToneIndex.Detractor => angry && rng.Next(100) < 50 ? CommonPhrases.AngryClosers : CommonPhrases.DetractorClosers,
            ToneIndex.Passive => CommonPhrases.PassiveClosers,
            _ => !negativeClause && rng.Next(100) < 35 ? CommonPhrases.PromoterSmallWishes : CommonPhrases.PromoterClosers,
        };
        set.Pick(rng).Render(sb, ref ctx, null);
    }

    private static void AppendEnd(StringBuilder sb, Random rng, bool angry) =>
        sb.Append(angry && rng.Next(100) < 50 ? '!' : '.');

    private static void Space(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != ' ')
        {
            sb.Append(' ');
        }
    }
}
