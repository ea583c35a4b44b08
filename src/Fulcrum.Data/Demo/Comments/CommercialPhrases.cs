namespace Fulcrum.Data.Demo.Comments;

/// <summary>Phrases about money: what it costs, and what it is worth.</summary>
internal static class CommercialPhrases
{
    public static readonly ThemeBank Pricing = new()
    {
        Theme = CommentTheme.Pricing,
        Nature = ThemeNature.Negative,
        Negative = new(
        [
            "it's {@int}expensive for what we get",
            "the price went up {again |}at renewal by {@pct}",
            "our renewal came in {@pct} higher {with no warning|with no new features|than last year}",
            "licensing is {@int}confusing",
            "we pay for {seats|licenses} we don't use",
            "~every useful feature is a paid add-on",
            "per-seat pricing {punishes|penalizes} us for growing",
            "the price increases are {@int}aggressive",
            "~I can't explain our invoice to our finance team",
            "~adding {A} to our contract {doubled|nearly doubled} our bill",
            "the cost is hard to justify {to leadership|to our CFO|at this point}",
            "~competitors offer {the same|similar} functionality for {half the price|much less money}",
            "~we were {surprised|blindsided} by {overage charges|hidden fees}",
            "~the pricing tiers make no sense",
            "!your pricing feels like a cash grab",
            "~bundles force us to pay for modules we never asked for",
            "~the renewal quote {jumped|went up} {@pct} {and nobody could explain why|overnight|with no explanation}",
        ]),
        Wishes = new(
        [
            "pricing could be a bit more transparent",
            "I wish licensing were simpler",
            "a more flexible seat model would make it perfect",
            "it's a little pricey, but worth it",
            "I'd love a bundle discount for {A} and {B}",
            "renewal increases could be gentler",
        ]),
        NegativeFragments = new(
        [
            "Way too expensive.",
            "Too pricey for what it does.",
            "Licensing is a mess.",
            "Another price hike. Seriously?",
            "Costs keep going up.",
            "Overpriced for what it does.",
        ]),
        NegativeDetails = new(
        [
            "Our renewal quote was {@pct} higher than last year.",
            "We're now paying for {@n} products and really only use one.",
            "Finance asked me to justify the spend and I struggled.",
            "We had to cut {@n} seats just to stay within budget.",
            "Nobody could tell us what we were actually paying for.",
        ]),
    };

    public static readonly ThemeBank ProductValue = new()
    {
        Theme = CommentTheme.ProductValue,
        Nature = ThemeNature.Positive,
        Positive = new(
        [
            "the platform {delivers|has delivered} real value for us",
            "~we saw ROI within {@n} months",
            "~it paid for itself in the first year",
            "it's {become |}core to how we run the business",
            "~{A} has transformed how our team works",
            "!we couldn't do our jobs without it",
            "the product does exactly what we bought it for",
            "it saves my team {hours|a ton of time|days} every week",
            "the core product is {@pint}solid",
            "it moved the numbers we care about",
            "our {retention|productivity|throughput} went up after we rolled it out",
            "!it's the most valuable tool in our stack",
            "!it's worth every penny",
            "the functionality is {@pint}powerful",
            "it does the heavy lifting for {our team|us} every day",
            "!we get far more out of it than we put in",
        ]),
        Faint = new(
        [
            "the core product works, but everything around it is a struggle",
            "the product itself is good, which is why this is so frustrating",
            "I know the product can deliver, we just aren't seeing it lately",
            "there's value in it, but it's getting harder to justify",
            "the core functionality is solid; the experience around it isn't",
        ]),
        PositiveFragments = new(
        [
            "Great product, great value.",
            "Worth every penny.",
            "Essential tool for us.",
            "Huge value for our team.",
            "Can't imagine working without it.",
        ]),
        PositiveDetails = new(
        [
            "We cut {@n} manual processes in the first {quarter|six months}.",
            "Our {COO|VP of Operations|leadership team} calls it the best investment we made last year.",
            "It replaced {@n} other tools.",
            "We measured it: {@n} hours saved per person per week.",
        ]),
    };
}
