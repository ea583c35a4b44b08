namespace Fulcrum.Data.Demo;

/// <summary>The planted themes an account has raised in a comment so far.</summary>
[Flags]
internal enum PlantedThemes { None = 0, Integration = 1, Managers = 2 }

/// <summary>
/// Renewals after a comment raising a planted theme (either, and each on its own): how many churned, and how many were
/// expected to without the theme's churn multiplier (the sum of their churn probabilities). Observed over expected is the
/// multiplier this data set realized.
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

    public Counts Either { get; } = new();
    public Counts Integration { get; } = new();
    public Counts Managers { get; } = new();

    IEnumerable<Counts> Of(PlantedThemes raised)
    {
        if (raised != PlantedThemes.None) yield return Either;
        if (raised.HasFlag(PlantedThemes.Integration)) yield return Integration;
        if (raised.HasFlag(PlantedThemes.Managers)) yield return Managers;
    }

    public void Add(PlantedThemes raised, double churnProbabilityWithoutTheme)
    {
        foreach (var c in Of(raised)) { c.Renewals++; c.ExpectedChurns += churnProbabilityWithoutTheme; }
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
