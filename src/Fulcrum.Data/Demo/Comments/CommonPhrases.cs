namespace Fulcrum.Data.Demo.Comments;

/// <summary>Theme-neutral frames, openers, closers and connectors, by tone.</summary>
internal static class CommonPhrases
{
    // ---- Frames: {*} is the theme's core clause. A "~" marks a frame that wraps the topic up
    // ("..., but otherwise it's fine"); it is not used when another complaint follows. ----

    /// <summary>A detractor's complaint.</summary>
    public static readonly TemplateSet ComplaintFrames = new(
    [
        "{*}.",
        "{*}.",
        "{*}.",
        "{*}.",
        "The biggest problem is that {*}.",
        "My main {issue|complaint|frustration} is that {*}.",
        "{*}, and {nobody seems to care|it's not getting any better|it's been like this for months}.",
        "{*}, which {is a real problem for us|makes our lives harder|costs us time every week}.",
        "{Frankly|Honestly|Seriously}, {*}.",
        "I'm tired of the fact that {*}.",
        "{*}. {This needs fixing|It's a constant headache|That's a big issue for us}.",
        "The problem is simple: {*}.",
    ]);

    /// <summary>Extra frames for an angry detractor (score 0-3).</summary>
    public static readonly TemplateSet AngryFrames = new(
    [
        "{*}!",
        "{*}. Unacceptable.",
        "{*}, and frankly it's ridiculous.",
        "{*}. How is this still a thing?",
        "Seriously, {*}!",
    ]);

    /// <summary>A passive's "fine, but" complaint.</summary>
    public static readonly TemplateSet MildComplaintFrames = new(
    [
        "{*}.",
        "{*}.",
        "{It's fine|It's okay|The product is fine|It works}, but {*}.",
        "{Decent|Solid|Good} product, but {*}.",
        "~{*}, but {otherwise it's okay|it gets the job done|we manage}.",
        "Mostly fine, though {*}.",
        "Not bad overall. {*}.",
        "{*}. Not a dealbreaker, but {annoying|it adds up|it wears on the team}.",
        "My one real complaint: {*}.",
        "{*}, which holds us back from a higher score.",
        "Generally happy, except that {*}.",
    ]);

    /// <summary>A promoter's minor gripe (wraps a non-strong complaint core).</summary>
    public static readonly TemplateSet GripeFrames = new(
    [
        "My only {gripe|complaint|nitpick} is that {*}.",
        "{Really happy with it|Happy overall|No real complaints}, though {*}.",
        "{Small|Minor} thing: {*}.",
        "~{*}, but that's minor.",
        "{Great|Excellent|Really good} overall. If I had to pick one thing, {*}.",
        "Very happy, even if {*}.",
    ]);

    /// <summary>A promoter's wish (wraps a wish core).</summary>
    public static readonly TemplateSet WishFrames = new(
    [
        "{*}.",
        "{*}.",
        "{Love the product|Really happy overall|Great product}. {*}.",
        "{Very happy overall|Great experience so far}, but {*}.",
        "Only {one small|a small} {request|thing}: {*}.",
        "~{*}, but {otherwise|apart from that} it's {great|excellent|close to perfect}.",
        "~{*}. Otherwise no complaints.",
    ]);

    /// <summary>A promoter's praise.</summary>
    public static readonly TemplateSet PraiseFrames = new(
    [
        "{*}.",
        "{*}.",
        "{*}!",
        "{*}!",
        "{*}, which makes a {huge|big|real} difference.",
        "What I like most: {*}.",
        "{Honestly|Genuinely}, {*}.",
        "{*}. {Exactly what we needed|Couldn't ask for more|Very impressed}.",
        "I have to say {*}.",
        "~{*}, and that's why we keep recommending you.",
    ]);

    /// <summary>A passive's hedged praise.</summary>
    public static readonly TemplateSet MildPraiseFrames = new(
    [
        "{*}.",
        "{*}.",
        "{*}, which is nice.",
        "{To be fair|Credit where it's due}, {*}.",
        "{*}, I'll give you that.",
        "{*}, but there's room for improvement in other areas.",
        "On the plus side, {*}.",
        "{*}. {Not perfect, but good|Solid, if not spectacular}.",
    ]);

    /// <summary>A detractor's faint praise (wraps a praise core).</summary>
    public static readonly TemplateSet FaintPraiseFrames = new(
    [
        "{*}, but that's about it.",
        "The only good thing is that {*}.",
        "At least {*}.",
        "{*}, but it doesn't make up for {the rest|everything else}.",
        "{To be fair|I'll admit}, {*}, but that's not enough.",
        "{*}. Shame about {the rest|everything else}.",
    ]);

    /// <summary>Wraps a faint-praise core, which already carries its own "but".</summary>
    public static readonly TemplateSet FaintFrames = new(
    [
        "{*}.",
        "{*}.",
        "{Honestly|To be honest|Look}, {*}.",
    ]);

    // ---- Openers, closers, connectors. ----

    public static readonly TemplateSet DetractorOpeners = new(
    [
        "Where do I start.",
        "Not happy.",
        "Disappointed.",
        "Very frustrated with the last few months.",
        "We've been a customer for {@years} years and it's getting worse.",
        "I'll keep this short.",
        "Not a great year.",
        "To be blunt, ",
        "Bottom line: ",
    ]);

    public static readonly TemplateSet AngryOpeners = new(
    [
        "Ridiculous.",
        "This is unacceptable.",
        "Fed up.",
        "I'm done being polite about this.",
        "Absolutely fed up.",
        "Honestly? Terrible.",
    ]);

    public static readonly TemplateSet PassiveOpeners = new(
    [
        "It's okay.",
        "Mixed feelings.",
        "Overall decent.",
        "Generally fine.",
        "Some good, some bad.",
        "It does the job.",
        "Overall, ",
        "In general, ",
    ]);

    public static readonly TemplateSet PromoterOpeners = new(
    [
        "Love it!",
        "Big fan.",
        "Very happy customer.",
        "Overall excellent.",
        "Great partner.",
        "We've been with you for {@years} years and couldn't be happier.",
        "Five stars.",
        "All in all, ",
    ]);

    public static readonly TemplateSet DetractorClosers = new(
    [
        "Please fix this.",
        "We're evaluating alternatives.",
        "Not sure we'll stay.",
        "Very disappointing.",
        "Expected better.",
        "Hoping someone actually reads this.",
        "Our leadership is asking questions.",
    ]);

    public static readonly TemplateSet AngryClosers = new(
    [
        "Seriously considering leaving.",
        "Fix it or we walk.",
        "We're looking at other vendors.",
        "Do better.",
        "Unacceptable.",
    ]);

    public static readonly TemplateSet PassiveClosers = new(
    [
        "Room for improvement.",
        "Could be better.",
        "We'll see how the next release goes.",
        "Hoping it improves.",
        "Overall a 7, I guess.",
    ]);

    public static readonly TemplateSet PromoterClosers = new(
    [
        "Keep it up!",
        "Would recommend.",
        "Happy to be a reference.",
        "Thanks!",
        "Thanks for a great partnership.",
        "Highly recommend.",
        "Keep up the great work.",
    ]);

    /// <summary>A promoter's small, theme-neutral wish appended to praise.</summary>
    public static readonly TemplateSet PromoterSmallWishes = new(
    [
        "Would love a dark mode.",
        "A better mobile app would be nice.",
        "Bulk editing would be a nice addition.",
        "More templates would be great.",
        "Custom fields on more objects would be nice.",
        "Only wish: an offline mode.",
    ]);

    /// <summary>Joins two sentences of the same polarity.</summary>
    public static readonly TemplateSet SameConnectors = new(
    [
        "Also, ",
        "On top of that, ",
        "Plus, ",
        "And ",
        "Another thing: ",
        "Not to mention, ",
    ]);

    /// <summary>Turns from a complaint to praise.</summary>
    public static readonly TemplateSet ToPositiveConnectors = new(
    [
        "That said, ",
        "On the plus side, ",
        "To be fair, ",
        "On the bright side, ",
        "But ",
    ]);

    /// <summary>Turns from praise to a complaint.</summary>
    public static readonly TemplateSet ToNegativeConnectors = new(
    [
        "That said, ",
        "But ",
        "However, ",
        "On the other hand, ",
        "The downside: ",
    ]);

    /// <summary>Joins two clauses of the same polarity inside one sentence.</summary>
    public static readonly string[] SameJoiners = [", and ", ", plus ", "; also, ", ", and on top of that "];

    /// <summary>Joins two clauses of opposite polarity inside one sentence.</summary>
    public static readonly string[] ContrastJoiners = [", but ", ", although ", ", though ", "; however, "];

    /// <summary>Put before a passive's complaint fragment.</summary>
    public static readonly TemplateSet PassiveFragmentLeads = new(
    [
        "{Decent|Okay|Fine|Not bad} overall. ",
        "{Decent|Okay|Fine}, but ",
        "Good enough, but ",
    ]);

    // ---- Used when a response has no theme. ----

    public static readonly TemplateSet GenericDetractor = new(
    [
        "Not happy with the service {lately|overall|this year}.",
        "Expected a lot more.",
        "Disappointed with the last {few months|year}.",
        "It's just not working for us.",
        "Not worth the hassle anymore.",
        "Things have gone downhill.",
    ]);

    public static readonly TemplateSet GenericPassive = new(
    [
        "It's okay.",
        "Does the job.",
        "Fine, nothing special.",
        "Some good, some bad.",
        "Average experience overall.",
        "No major complaints, no wow either.",
    ]);

    public static readonly TemplateSet GenericPromoter = new(
    [
        "Great product!",
        "Very happy with everything.",
        "Excellent all round.",
        "No complaints at all.",
        "Really solid partner.",
        "Love working with you.",
    ]);
}
