using System.Reflection;
using Fulcrum.Data.Demo;
using Xunit.Abstractions;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>The ground-truth table written with the demo company: complete, finite, and in line with what was planted.</summary>
[Collection(DemoCompanyCollection.Name)]
public sealed class GroundTruthTests(DemoCompanyFixture company, ITestOutputHelper output)
{
    static IEnumerable<string> EffectIdConstants() =>
        typeof(GroundTruth).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Has_a_row_for_every_effect_id_constant_and_every_initiative()
    {
        var ids = GroundTruth.Read(company.Store).Select(e => e.EffectId).ToHashSet();
        // no_planted_effects marks a null company only; the complaint flag is planted only on request (--complaint-odds-ratio).
        var constants = EffectIdConstants().Where(id => id is not GroundTruth.NoEffects and not GroundTruth.ComplaintChurn).ToList();

        Assert.True(constants.Count >= 10, $"only {constants.Count} effect id constants found on GroundTruth");
        foreach (var id in constants) Assert.Contains(id, ids);
        foreach (var id in new[] { "INIT-QW-CALLBACK", "INIT-LT-ONE-TEAM", "INIT-NE-FORUM" }) Assert.Contains($"initiative_{id}", ids);
        Assert.Equal(ids.Count, company.Scalar<long>("SELECT COUNT(DISTINCT effect_id) FROM ground_truth"));
    }

    [Fact]
    public void Every_initiative_in_the_initiatives_table_has_a_ground_truth_row()
    {
        var initiatives = company.Query<string>("SELECT initiative_id FROM initiatives ORDER BY 1");
        var ids = GroundTruth.Read(company.Store).Select(e => e.EffectId).ToHashSet();

        Assert.Equal(3, initiatives.Count);
        foreach (var id in initiatives) Assert.Contains($"initiative_{id}", ids);
    }

    [Fact]
    public void Realized_and_nominal_values_are_finite_where_set()
    {
        var effects = GroundTruth.Read(company.Store);
        foreach (var e in effects)
            output.WriteLine($"{e.EffectId}: nominal {e.Nominal?.ToString("G4") ?? "-"}, realized {e.Realized?.ToString("G4") ?? "-"} {e.Unit} ({e.Detail})");

        foreach (var e in effects)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Description), $"{e.EffectId} has no description");
            Assert.False(string.IsNullOrWhiteSpace(e.Metric), $"{e.EffectId} has no metric");
            if (e.Realized is { } realized) Assert.True(double.IsFinite(realized), $"{e.EffectId} realized {realized}");
            if (e.Nominal is { } nominal) Assert.True(double.IsFinite(nominal), $"{e.EffectId} nominal {nominal}");
        }
        // Only effects reported as parameters rather than measurements may lack a realized value (today: the effort-tickets log rate).
        var withoutRealized = effects.Where(e => e.Realized is null).Select(e => e.EffectId).ToList();
        Assert.Subset(new HashSet<string> { GroundTruth.EffortTickets }, withoutRealized.ToHashSet());
    }

    [Fact]
    public void Realized_theme_churn_multiplier_is_observed_over_expected_churn_of_the_renewals_after_a_raising_comment()
    {
        var effect = GroundTruth.Read(company.Store).Single(e => e.EffectId == GroundTruth.ThemeChurn);
        output.WriteLine($"{effect.EffectId}: nominal {effect.Nominal}, realized {effect.Realized:F2} ({effect.Detail})");

        Assert.Equal(1.6, effect.Nominal);
        Assert.NotNull(effect.Realized);
        // A few hundred renewals at most: the realization is noisy, but it cannot be near zero or far above the multiplier.
        Assert.InRange(effect.Realized.Value, 0.5, 3.5);
        foreach (var who in new[] { "each theme", "integration", "account managers", @"either theme \(expected without any\)" })
            Assert.Matches(who + @" \d+\.\d\d \(\d[\d,]* churned of \d[\d,]* renewals, \d+\.\d expected without it\)", effect.Detail);
    }

    [Fact]
    public void Realized_multi_product_drop_is_between_minus_30_and_minus_10_nps_points()
    {
        var effect = GroundTruth.Read(company.Store).Single(e => e.EffectId == GroundTruth.MultiProductDecline);
        output.WriteLine($"{effect.EffectId}: nominal {effect.Nominal}, realized {effect.Realized:F2} ({effect.Detail})");

        Assert.Equal(-20, effect.Nominal);
        Assert.NotNull(effect.Realized);
        Assert.InRange(effect.Realized.Value, -30, -10);
    }
}
