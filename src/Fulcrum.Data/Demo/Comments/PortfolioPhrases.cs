namespace Fulcrum.Data.Demo.Comments;

/// <summary>Phrases about owning several products: they don't integrate, and each brings its own account manager.</summary>
internal static class PortfolioPhrases
{
    public static readonly ThemeBank ProductsDontIntegrate = new()
    {
        Theme = CommentTheme.ProductsDontIntegrate,
        Nature = ThemeNature.Negative,
        Negative = new(
        [
            "{A} and {B} {still |}don't share {data|customer data|anything useful}",
            "the {tools|modules|products} {just |still |}don't talk to each other",
            "we {have to |}re-enter the same {data|customer records|information} in {every module|each product|two places}",
            "there's no single sign-on across {the products|the suite|your modules}, so everyone juggles {@n} logins",
            "the API between {A} and {B} is {@int}clunky",
            "!{A} and {B} feel like they were built by two different companies",
            "every product we add means another login and another set of users to manage",
            "~syncing between {A} and {B} {breaks|fails|falls over} {every few days|constantly|at least once a week}",
            "nothing in {A} shows up in {B} without a manual export",
            "!we bought the suite expecting one platform and got {@n} separate tools",
            "~our {admins|ops people|analysts} {copy and paste|copy-paste} between modules {all day|constantly|every single day}",
            "{A} doesn't integrate {well |}with the rest of {the suite|what we bought from you}",
            "customer records are out of sync between {A} and {B}",
            "users and permissions have to be set up separately in each product",
            "the integration between {A} and {B} is {@int}fragile",
            "~we had to build our own connectors to get the products working together",
            "switching between {A} and {B} means logging in again and losing context",
            "~{A} and {B} use different IDs for the same customer, so nothing lines up",
        ]),
        Wishes = new(
        [
            "I wish {A} and {B} shared data {automatically|out of the box}",
            "single sign-on across {the products|all the modules} would make it perfect",
            "it would be great if {A} synced with {B} in real time",
            "a tighter integration between {A} and {B} is the one thing I'd ask for",
            "I'd love one login for everything",
            "the modules could talk to each other a bit better",
            "I'd love not having to re-enter data between {A} and {B}",
            "a native connector between {A} and {B} would save us {hours|a lot of time}",
        ]),
        NegativeFragments = new(
        [
            "Tools don't talk to each other.",
            "Too many logins.",
            "{A} and {B} don't sync.",
            "Double data entry everywhere.",
            "No single sign-on. Really?",
            "Modules feel {completely |}disconnected.",
            "Poor integration between products.",
            "Please integrate {A} with {B}.",
        ]),
        NegativeDetails = new(
        [
            "We export CSVs from {A} {every week|every morning|daily} just to load them into {B}.",
            "Our admins maintain {@n} separate user lists.",
            "Customer records in {A} and {B} {never|rarely} match.",
            "We ended up hiring a consultant to build middleware between them.",
            "It feels like {@n} different vendors, not one suite.",
            "Someone on my team spends {half a day|a full day|hours} a week reconciling {A} and {B}.",
            "Last {month|quarter} a failed sync left {A} out of date for {@n} days.",
        ]),
    };

    public static readonly ThemeBank TooManyAccountManagers = new()
    {
        Theme = CommentTheme.TooManyAccountManagers,
        Nature = ThemeNature.Negative,
        Negative = new(
        [
            "we have {@n} different account managers and none of them coordinate",
            "every product comes with its own account manager",
            "there's no single point of contact for our account",
            "every time I {call|reach out|email}, I get told to {call|contact|talk to} someone else",
            "~we've had {@n} account managers in {two years|eighteen months|the last year}",
            "I {never|honestly don't} know who {owns our account|our account contact is this month|we're supposed to call about our account}",
            "our account manager for {A} knows nothing about {B}",
            "the handoffs between {your teams|sales, success and support|your reps} are {@int}messy",
            "~we keep getting passed from one rep to another",
            "we deal with different reps for different products, and they don't coordinate",
            "~I have to explain our setup from scratch to every new contact",
            "~nobody on your side has the full picture of our account",
            "our {CSM|customer success manager|account rep} changed again{ and we had to start over|, third time this year|}",
            "!it's {@int}frustrating to deal with {@n} reps who each only care about their own product",
            "we get {conflicting|mixed} messages from different account managers",
            "there are too many people on your side and no clear owner",
        ]),
        Wishes = new(
        [
            "I'd love a single point of contact across all our products",
            "one account manager for everything would make it perfect",
            "it would help if our reps coordinated a bit more",
            "fewer handoffs between your teams would be nice",
            "I wish we didn't have to re-explain our setup whenever a new rep comes in",
            "a single owner for our account would be a big improvement",
        ]),
        NegativeFragments = new(
        [
            "Too many account managers.",
            "Who is our contact, again?",
            "Too many reps, no ownership.",
            "Need one point of contact.",
            "Constant handoffs between reps.",
            "Another new account manager. Again.",
        ]),
        NegativeDetails = new(
        [
            "Last quarter {@n} different people from your company emailed us about the same issue.",
            "When we asked about {B}, our rep said to contact a different team.",
            "Our {A} rep and our {B} rep gave us {conflicting|contradictory} answers.",
            "I've stopped trying to figure out who to email.",
            "It took {@wait} just to find out who could help us.",
            "We were introduced to yet another new contact {last week|this month}.",
        ]),
    };
}
