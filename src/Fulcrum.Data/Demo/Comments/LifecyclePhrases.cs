namespace Fulcrum.Data.Demo.Comments;

/// <summary>Phrases whose tone follows the score: getting started, and reporting.</summary>
internal static class LifecyclePhrases
{
    public static readonly ThemeBank Onboarding = new()
    {
        Theme = CommentTheme.Onboarding,
        Nature = ThemeNature.Mixed,
        Negative = new(
        [
            "the implementation took {way |}longer than promised",
            "~onboarding dragged on for {months|five months|most of a year}",
            "implementation was {@int}painful",
            "our onboarding consultant changed {twice|three times} {mid-project|during setup}",
            "nobody told us what we needed to prepare before go-live",
            "~the data migration was {a mess|a nightmare|botched}",
            "~we were left to figure out setup on our own",
            "training during onboarding was {too generic|rushed|a box-ticking exercise}",
            "go-live slipped by {@n} months",
            "~the implementation partner didn't understand our business",
            "onboarding felt rushed and incomplete",
            "!we paid for implementation services and got {a slide deck|a handful of calls|very little}",
            "~half our {configuration|setup} had to be redone after the onboarding team left",
            "the implementation kickoff was great, then {nothing|silence} for weeks",
            "we still don't use half the features because onboarding never covered them",
        ]),
        Positive = new(
        [
            "onboarding was {@pint}smooth",
            "implementation went {exactly to plan|faster than expected|on schedule}",
            "~our onboarding team {was fantastic|knew exactly what they were doing|made it painless}",
            "we were live in {three weeks|under a month|six weeks}, as promised in the implementation plan",
            "the data migration went {smoothly|without a hitch}",
            "the implementation consultant {understood our business|asked all the right questions}",
            "training during onboarding was {practical|tailored to our team|excellent}",
            "setup was {@pint}quick and well organized",
            "the onboarding kickoff {and the weekly check-ins |}kept everything on track",
            "onboarding {set us up|got us started} on the right foot",
            "go-live was {uneventful in the best way|painless|a non-event}",
            "the onboarding plan was clear from day one",
            "~our implementation manager {@name} was {brilliant|a star|excellent}",
            "the getting-started program was {@pint}well run",
        ]),
        Wishes = new(
        [
            "onboarding could have covered the advanced features a bit more",
            "I'd have liked a bit more training at go-live",
            "the implementation timeline was a little tight",
            "a short refresher after onboarding would be great",
        ]),
        Faint = new(
        [
            "onboarding went fine, but it's been downhill since",
            "implementation was okay; the problems started after go-live",
            "the onboarding team was good, the product less so",
        ]),
        NegativeFragments = new(
        [
            "Painful implementation.",
            "Onboarding was a mess.",
            "Go-live took forever.",
            "Rough onboarding experience.",
        ]),
        PositiveFragments = new(
        [
            "Smooth onboarding!",
            "Great implementation team.",
            "Onboarding was a breeze.",
            "Painless go-live, thank you.",
        ]),
        NegativeDetails = new(
        [
            "We're {@n} months in and still not fully live.",
            "Nobody documented the configuration they built.",
            "We had {@n} different project managers during implementation.",
        ]),
        PositiveDetails = new(
        [
            "Everything was documented and handed over cleanly.",
            "Our team was trained and confident by go-live.",
            "{@name} kept the whole project on track.",
        ]),
    };

    public static readonly ThemeBank Reporting = new()
    {
        Theme = CommentTheme.Reporting,
        Nature = ThemeNature.Mixed,
        Negative = new(
        [
            "reporting is {@int}limited",
            "the dashboards don't show what we actually need",
            "~we export everything to Excel to build {real |usable |}reports",
            "custom reports are {@int}hard to build",
            "there's no way to {schedule|share|filter} dashboards {the way we need|properly}",
            "the analytics are too basic for {our leadership|an exec audience|our board}",
            "report filters are {@int}limited",
            "dashboards {take ages to load|time out} on large date ranges",
            "we can't get {trend|historical} data out of the reports",
            "~the numbers in the dashboards don't match {our exports|what we see in the records}",
            "building a simple chart takes {far too long|an hour}",
            "~reporting across products is {basically |}impossible",
            "~we need a BI tool on top just to answer basic questions",
            "the standard reports are {rigid|inflexible} and can't be customized",
        ]),
        Positive = new(
        [
            "the dashboards are {@pint}useful",
            "reporting gives {leadership|our execs|my team} exactly what they need",
            "I can build a custom report in minutes",
            "~the analytics {helped us spot|show us} {trends|issues} we'd never have seen",
            "the reporting is {@pint}flexible",
            "scheduled reports save me {hours|a day} every {week|month}",
            "~our board deck comes straight out of the dashboards",
            "the {charts|visualizations} in the reports are {@pint}clear",
            "the dashboard drill-downs make it easy to get to the root cause",
            "real-time dashboards changed how we run our {Monday meetings|weekly reviews|team}",
            "!the reporting {is top notch|is excellent|beats anything we've used}",
            "the metrics we care about are all in one dashboard",
            "sharing dashboards with {stakeholders|other teams} is {@pint}easy",
        ]),
        Wishes = new(
        [
            "I'd love a few more chart types in the reports",
            "more report export formats would be nice",
            "dashboards could use more filtering options",
            "I wish we could schedule reports to more people",
        ]),
        Faint = new(
        [
            "the reports are decent, but they don't fix the underlying problems",
            "the dashboards look nice, I'll give you that",
            "reporting is fine; it's everything else",
        ]),
        NegativeFragments = new(
        [
            "Reporting is weak.",
            "Dashboards need a lot of work.",
            "Reports are too basic.",
            "Need much better reporting.",
        ]),
        PositiveFragments = new(
        [
            "Love the dashboards!",
            "Great reporting features.",
            "Reports are excellent.",
            "Fantastic analytics and dashboards.",
        ]),
        NegativeDetails = new(
        [
            "Every month I spend {two days|a day|hours} rebuilding the same report in a spreadsheet.",
            "Our execs stopped looking at the dashboards.",
            "We can't answer simple questions like {churn by segment|usage by team|trend over time}.",
        ]),
        PositiveDetails = new(
        [
            "Our {VP|CFO|CEO} now checks the dashboard every morning.",
            "It replaced {@n} spreadsheets we used to maintain by hand.",
        ]),
    };
}
