namespace Fulcrum.Data.Demo;

/// <summary>Size and seed of the synthetic company. Same options → same data, row for row.</summary>
/// <param name="PlantEffects">False gives a company where nothing differs between customers or changes over time but
/// noise (same latent score for all, no product, initiative, effort or category effects): a null model for checking
/// that analyses keep their false-discovery promises.</param>
/// <param name="ComplaintOddsRatio">When set, every account gets a yes/no attribute <c>complaint</c> whose odds ratio for churn
/// is this value (see <see cref="ComplaintFlag"/>); the rest of the data are unchanged.</param>
/// <param name="CsatOnly">A company that measures satisfaction only: answers carry CSAT (1–5, the 0–10 sentiment on a
/// strict satisfaction scale, so the dissatisfied are the would-be detractors and passives) and no NPS or CES.</param>
public sealed record DemoCompanyOptions(int Accounts = 4_000, int Years = 3, int Seed = 42, bool PlantEffects = true,
    double? ComplaintOddsRatio = null, bool CsatOnly = false)
{
    /// <summary>First day of the simulated period; fixed so that the data do not depend on today's date.</summary>
    public static readonly DateOnly PeriodStart = new(2023, 1, 1);

    public int Quarters => Years * 4;
    public DateOnly PeriodEnd => PeriodStart.AddYears(Years).AddDays(-1);

    public void Validate()
    {
        if (Accounts is < 50 or > 5_000_000) throw new ArgumentOutOfRangeException(nameof(Accounts), Accounts, "accounts must be between 50 and 5,000,000.");
        if (Years is < 1 or > 10) throw new ArgumentOutOfRangeException(nameof(Years), Years, "years must be between 1 and 10.");
        if (ComplaintOddsRatio is { } ratio && !(ratio is >= 0.02 and <= 50))
            throw new ArgumentOutOfRangeException(nameof(ComplaintOddsRatio), ratio, "the complaint flag's odds ratio must be between 0.02 and 50.");
    }
}
