namespace Fulcrum.Data.Demo;

/// <summary>
/// The CX initiatives of the demo company, with their planted effects on the latent satisfaction score
/// (0–10 scale) of the accounts they target. <see cref="ScoreShift"/> is the single source of truth for
/// both the simulation and the ground-truth table.
/// </summary>
internal sealed record DemoInitiative(
    string Id, string Name, string Kind, int StartQuarter, double Cost, string Target, string Lever, string Owner,
    Func<string, string, bool> Targets, Func<int, double> ShiftByQuartersSinceStart, string EffectDescription)
{
    public double ScoreShift(string segment, string region, int quarter) =>
        quarter >= StartQuarter && Targets(segment, region) ? ShiftByQuartersSinceStart(quarter - StartQuarter) : 0;

    public static readonly IReadOnlyList<DemoInitiative> All =
    [
        new("INIT-QW-CALLBACK", "Detractor callback within 48 hours", "quick_win", 4, 60_000, "region = 'EMEA'", "detractor follow-up", "Maya Patel",
            (_, region) => region == "EMEA", _ => 0.45,
            "Immediate: +0.45 on the 0-10 score of EMEA accounts from its first quarter."),
        new("INIT-LT-ONE-TEAM", "One account team (service transformation)", "long_term", 2, 900_000, "segment = 'Mid-Market'", "too_many_account_managers", "Jonas Berg",
            (segment, _) => segment == DemoCatalog.MidMarket, sinceStart => sinceStart switch { < 4 => 0, 4 => 0.3, _ => 0.6 },
            "Delayed: nothing for 4 quarters, +0.3 in the 5th, +0.6 from the 6th on, for Mid-Market accounts."),
        new("INIT-NE-FORUM", "Customer community forum", "quick_win", 5, 150_000, "region = 'APAC'", "self-service", "Rosa Costa",
            (_, region) => region == "APAC", _ => 0,
            "None: the forum launched but changed nothing."),
    ];
}
