namespace Fulcrum.Data.Demo.Comments;

/// <summary>Phrases about the support organisation: slow tickets, and great people.</summary>
internal static class SupportPhrases
{
    public static readonly ThemeBank SlowSupport = new()
    {
        Theme = CommentTheme.SlowSupport,
        Nature = ThemeNature.Negative,
        Negative = new(
        [
            "~support takes {forever|days|ages} to respond",
            "~our tickets sit for {@wait} without a reply",
            "~it takes {@wait} to get {a real|a proper|an} answer from support",
            "response times on tickets are {@int}slow",
            "~every ticket needs {an escalation|to be escalated} before anyone looks at it",
            "~we keep waiting on support for {basic|simple} questions",
            "~I get an automated reply and then nothing for {@wait}",
            "support's first response is quick, but the actual fix takes {weeks|forever}",
            "~we have to chase support {every time|constantly} to get an update",
            "~critical issues sit in the support queue {like everything else|for days}",
            "!support is {@int}slow and nobody follows up",
            "~getting through to a human on the support line takes {well over an hour|forever|ages}",
            "~tickets get bounced between {tiers|teams|agents} and nothing gets resolved",
            "~our escalations go nowhere",
            "!your support SLA means nothing; tickets sit for {@wait}",
            "hold times on the support line are {@int}long",
        ]),
        Wishes = new(
        [
            "support response times could be a little faster",
            "I wish tickets got a first reply sooner",
            "faster turnaround on tickets would make it perfect",
            "live chat with support would be nice instead of tickets",
            "escalations could move a bit quicker",
            "support is the one area where I'd like quicker replies",
        ]),
        NegativeFragments = new(
        [
            "Support is way too slow.",
            "Tickets take forever.",
            "Still waiting on my ticket.",
            "Slow, slow support.",
            "Faster ticket responses, please.",
            "Support never gets back to us.",
        ]),
        NegativeDetails = new(
        [
            "Our last ticket sat for {@wait} before anyone replied.",
            "We had a priority-one ticket open for {@wait}.",
            "I had to escalate through our exec sponsor just to get a response.",
            "Ticket {#} is {still open|still unresolved} after {@wait}.",
            "By the time support answered, we'd fixed it ourselves.",
            "We got {@n} canned replies before someone actually read the ticket.",
        ]),
    };

    public static readonly ThemeBank GreatSupport = new()
    {
        Theme = CommentTheme.GreatSupport,
        Nature = ThemeNature.Positive,
        Positive = new(
        [
            "support is {@pint}responsive and knows the product inside out",
            "the support team is {@pint}helpful",
            "~{@name} from support {went above and beyond|was fantastic|saved us} {last month|during our migration|this quarter}",
            "whenever we open a ticket, someone gets back to us {the same day|within the hour|quickly}",
            "your support engineers actually understand our setup",
            "the support people are {@pint}friendly and patient",
            "support always follows through until the issue is fixed",
            "the help desk team {treats us like partners|genuinely cares|is a pleasure to work with}",
            "every time we've needed help, support has {delivered|come through}",
            "support tickets get resolved {quickly|fast|on the first reply}",
            "the {chat|phone} support is {@pint}good",
            "your support staff explain things clearly and never make us feel stupid",
            "~the support folks are {top notch|first class|outstanding}",
            "!support is the best part of working with you",
            "our support rep {remembers|knows} our history and never makes us repeat ourselves",
            "the support agents {really |}know their stuff",
        ]),
        Faint = new(
        [
            "support people are nice, but they can't fix the product",
            "the support team tries hard, I'll give them that",
            "the only bright spot is the support team",
            "support is friendly, but friendliness doesn't solve our problems",
            "individual support agents are great; the product isn't",
            "your support staff are the only reason we haven't left",
        ]),
        PositiveFragments = new(
        [
            "Great support team!",
            "Support is excellent.",
            "Amazing support, thank you.",
            "Fantastic help desk team.",
            "Best support we've had.",
            "Kudos to {@name} in support!",
        ]),
        PositiveDetails = new(
        [
            "{@name} stayed on a call with us {for two hours|until late|all afternoon} to get it sorted.",
            "They even followed up a week later to check everything was still working.",
            "Our last ticket was closed {within an hour|the same afternoon|before lunch}.",
            "They {walked|talked} our admin through the fix step by step.",
            "Honestly better than the support we get from vendors twice your size.",
        ]),
    };
}
