namespace Fulcrum.Data.Demo;

/// <summary>The planted themes an account has raised in a comment so far.</summary>
[Flags]
internal enum PlantedThemes { None = 0, Integration = 1, Managers = 2 }

/// <summary>
/// Renewals after a comment raising a planted theme (either, and each on its own): how many churned, and how many were
/// expected to without the theme's churn multiplier (the sum of their churn probabilities with every other raised theme's
/// multiplier). Observed over expected is the multiplier this data set realized.
/// </summary>
internal sealed class ThemeRenewalTally
{
    public sealed class Counts
    {
        public long Renewals, Churns;
        public double ExpectedChurns;
        public double? Realized => ExpectedChurns > 0 ? Churns / ExpectedChurns : null;

        public void Merge(Counts other) { Renewals += other.Renewals; Churns += other.Churns; ExpectedChurns += other.ExpectedChurns; }
    }

    /// <summary>Renewals after either theme, expected without any theme's multiplier.</summary>
    public Counts Either { get; } = new();
    public Counts Integration { get; } = new();
    public Counts Managers { get; } = new();

    /// <summary>Both themes' renewals pooled, each expected without its own multiplier: the realized multiplier of one theme.</summary>
    public Counts EachTheme
    {
        get
        {
            var pooled = new Counts();
            pooled.Merge(Integration);
            pooled.Merge(Managers);
            return pooled;
        }
    }

    /// <summary>
    /// The renewal churn probability's multiplier after the raised themes: each planted complaint multiplies it on its own
    /// (both: the square), so each one's churn shows beyond the other's among the accounts that raise both.
    /// </summary>
    public static double Multiplier(PlantedThemes raised) =>
        (raised.HasFlag(PlantedThemes.Integration) ? DemoModel.ThemeChurnMultiplier : 1) * (raised.HasFlag(PlantedThemes.Managers) ? DemoModel.ThemeChurnMultiplier : 1);

    public void Add(PlantedThemes raised, double churnProbabilityWithoutThemes)
    {
        if (raised == PlantedThemes.None) return;
        var probability = churnProbabilityWithoutThemes * Multiplier(raised);
        Add(Either, churnProbabilityWithoutThemes);
        if (raised.HasFlag(PlantedThemes.Integration)) Add(Integration, probability / DemoModel.ThemeChurnMultiplier);
        if (raised.HasFlag(PlantedThemes.Managers)) Add(Managers, probability / DemoModel.ThemeChurnMultiplier);
    }

    static void Add(Counts counts, double expected) { counts.Renewals++; counts.ExpectedChurns += expected; }

    IEnumerable<Counts> Of(PlantedThemes raised)
    {
        if (raised != PlantedThemes.None) yield return Either;
        if (raised.HasFlag(PlantedThemes.Integration)) yield return Integration;
        if (raised.HasFlag(PlantedThemes.Managers)) yield return Managers;
    }

    public void Churned(PlantedThemes raised)
    {
        foreach (var c in Of(raised)) c.Churns++;
    }

    public void Merge(ThemeRenewalTally other)
    {
        Either.Merge(other.Either);
        Integration.Merge(other.Integration);
        Managers.Merge(other.Managers);
    }
}
