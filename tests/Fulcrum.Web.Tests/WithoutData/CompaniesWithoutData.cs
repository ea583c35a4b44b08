using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Web.Tests.Support;

namespace Fulcrum.Web.Tests.WithoutData;

/// <summary>A company whose survey asks for CSAT only (no NPS, no CES): `generate --csat-only`, 300 accounts.</summary>
public sealed class CsatOnlyWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>(),
    new TempDemoStore(new DemoCompanyOptions(300, 3, 7, CsatOnly: true)));

/// <summary>
/// Comments without scores, no renewals and no tickets, as the airline tweets give: a demo company with its outcomes,
/// tickets and follow-ups cleared, its scores removed and its answers without a comment dropped. The warm-up runs, as
/// under `fulcrum serve`.
/// </summary>
public sealed class CommentsOnlyWebFactory() : FulcrumWebFactory(new Dictionary<string, string?> { ["Fulcrum:Analytics:WarmUp"] = "true" },
    new TempDemoStore(new DemoCompanyOptions(300, 3, 7),
        "DELETE FROM followups", "DELETE FROM outcomes", "DELETE FROM tickets",
        "DELETE FROM responses WHERE comment IS NULL", "UPDATE responses SET nps = NULL, csat = NULL, ces = NULL"));

/// <summary>
/// An online shop (`generate --kind shop`, 4,000 customers, seed 11): orders and post-purchase CSAT reviews, no
/// subscriptions, renewals or tickets. The seed the analytics tests recover the planted repeat rates on.
/// </summary>
public sealed class ShopWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>(),
    new TempDemoStore(new ShopCompanyOptions(Customers: 4_000, Seed: 11)));

/// <summary>A shop whose reviews kept their comments and lost their scores: orders, but no survey answer with a score to link to them.</summary>
public sealed class ShopWithoutScoresWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>(),
    new TempDemoStore(new ShopCompanyOptions(Customers: 300, Seed: 5), "DELETE FROM responses WHERE comment IS NULL", "UPDATE responses SET csat = NULL, nps = NULL, ces = NULL"));

/// <summary>A small shop (`generate --kind shop`, 600 customers, seed 5) whose closed loop is worked in the tests.</summary>
public sealed class ShopFollowupWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>(),
    new TempDemoStore(new ShopCompanyOptions(Customers: 600, Seed: 5)));

/// <summary>
/// A company whose renewals and NPS answers were dropped (outcomes cleared, NPS removed; CSAT and CES kept): figures that
/// need them are absent with the reason, and estimates on thin cells have no value.
/// </summary>
public sealed class WithoutOutcomesOrNpsWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>(),
    new TempDemoStore(new DemoCompanyOptions(300, 3, 7), "DELETE FROM outcomes", "UPDATE responses SET nps = NULL"));
