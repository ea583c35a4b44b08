namespace Fulcrum.Data.Demo.Comments;

/// <summary>Phrases about using the product day to day: easy, hard, or unreliable.</summary>
internal static class UsabilityPhrases
{
    public static readonly ThemeBank EaseOfUse = new()
    {
        Theme = CommentTheme.EaseOfUse,
        Nature = ThemeNature.Positive,
        Positive = new(
        [
            "it's {@pint}easy to use",
            "the interface is {@pint}intuitive",
            "new team members pick it up {in a day|in no time|without any training}",
            "everything is where you'd expect it to be",
            "setting up a new workflow takes minutes, not days",
            "even our least technical users {get it|find their way around}",
            "the UI is {clean|clear|simple} and {@pint}straightforward",
            "~it just works, no manual needed",
            "navigation is {@pint}simple",
            "~my team {actually enjoys|likes} using it",
            "it's {@pint}user-friendly compared to {what we used before|our old tool|other tools we tried}",
            "~the learning curve is {almost nonexistent|really gentle}",
            "configuring things ourselves is {@pint}simple, no consultants needed",
            "day-to-day tasks take {a couple of|a few} clicks",
            "the design is thoughtful and {uncluttered|clean}",
            "people don't need hand-holding to get things done in {A}",
        ]),
        Faint = new(
        [
            "it's easy enough to use, but that's not the problem",
            "the interface is nice, I'll give you that",
            "it's simple to use, but simple isn't enough",
            "the UI looks clean, but looks aren't everything",
            "using it is fine; everything else is the problem",
        ]),
        PositiveFragments = new(
        [
            "Easy to use, love it.",
            "Very intuitive, love it.",
            "Simple and easy to use.",
            "Super user friendly.",
            "Clean, intuitive interface.",
            "So easy to learn.",
        ]),
        PositiveDetails = new(
        [
            "{@n} new hires were productive in their first week without formal training.",
            "I rarely have to look anything up in the docs.",
            "Our admins make changes themselves instead of filing requests.",
            "It's the one tool nobody complains about.",
        ]),
    };

    public static readonly ThemeBank HardToUse = new()
    {
        Theme = CommentTheme.HardToUse,
        Nature = ThemeNature.Negative,
        Negative = new(
        [
            "the UI is {@int}clunky",
            "the learning curve is {@int}steep",
            "simple tasks take {way too many|far too many|a dozen} clicks",
            "~nobody on my team can find anything in the interface",
            "~the interface feels {dated|like it's from 2005|outdated}",
            "~you need {a week of training|formal training|a consultant} just to do basic things",
            "menus are buried {three|four} levels deep",
            "{A} is {@int}confusing to navigate",
            "the navigation is {@int}confusing",
            "~our users avoid the tool because it's {@int}hard to use",
            "configuring anything requires {an admin|a specialist|reading the docs for an hour}",
            "the screens are cluttered and {inconsistent|overwhelming}",
            "every screen has a different layout, so nothing feels familiar",
            "!it's {@int}unintuitive and the help docs don't help",
            "basic workflows are {@int}complicated",
            "~new users get lost {immediately|in the first five minutes|constantly}",
        ]),
        Wishes = new(
        [
            "the UI could be a bit more modern",
            "a few shortcuts for common tasks would make it perfect",
            "I wish the navigation were a little simpler",
            "some screens could use a cleanup",
            "the learning curve is a bit steep for new users",
            "better in-app guidance would help new users",
        ]),
        NegativeFragments = new(
        [
            "Clunky, dated UI.",
            "Way too complicated to use.",
            "Hard to use.",
            "Steep learning curve.",
            "Too many clicks for everything.",
            "Not intuitive at all.",
        ]),
        NegativeDetails = new(
        [
            "It took us {@n} weeks to train {new hires|the team}.",
            "I keep a cheat sheet just to remember where things are.",
            "Half my team still asks me how to {run a basic search|change a setting|find their own records}.",
            "Our admin spends more time explaining the tool than using it.",
        ]),
    };

    public static readonly ThemeBank Reliability = new()
    {
        Theme = CommentTheme.Reliability,
        Nature = ThemeNature.Negative,
        Negative = new(
        [
            "~we've had {@n} outages {this quarter|in the last two months|since January}",
            "~the platform {goes down|crashes} {at the worst possible times|during month-end|more often than it should}",
            "~pages take {forever|ages|30 seconds} to load",
            "~every release breaks something",
            "{A} is {@int}slow",
            "~bugs {keep coming back|never seem to get fixed|pile up faster than you fix them}",
            "~performance {degrades|tanks} with larger data sets",
            "~the system times out {constantly|several times a day|during exports}",
            "!data sometimes just disappears after an update",
            "~we can't trust it to be up when we need it",
            "scheduled jobs fail silently",
            "~{A} {crashes|freezes} {whenever we open large records|at least once a day}",
            "search is {@int}laggy",
            "!downtime has cost us real money",
            "~the status page says everything is fine while we're down",
            "~things randomly break and we get no explanation",
        ]),
        Wishes = new(
        [
            "performance could be a little snappier",
            "a few bugs still need ironing out",
            "releases could be tested a bit more before they ship",
            "I wish load times were a bit faster",
            "there's the occasional glitch, but nothing serious",
            "search could be faster on big accounts",
        ]),
        NegativeFragments = new(
        [
            "Constant outages lately.",
            "Buggy and slow.",
            "Too many bugs lately.",
            "Down again today.",
            "System keeps crashing.",
            "Unreliable platform, frequent downtime.",
        ]),
        NegativeDetails = new(
        [
            "We lost {half a day|a full afternoon|most of a morning} of work during the last outage.",
            "The last update broke {two of our workflows|our saved views|our bulk actions}.",
            "Our users now keep local copies because they don't trust the system.",
            "It happened {twice|three times} {last week|this month} alone.",
        ]),
    };
}
