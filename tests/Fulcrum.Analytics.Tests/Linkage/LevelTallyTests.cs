using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>The level counts behind the linkage's factors: what occurs, what separates churn, and which level is the baseline.</summary>
public sealed class LevelTallyTests
{
    [Fact]
    public void Present_levels_keep_the_list_order_and_a_tie_for_most_common_goes_to_the_level_seen_first()
    {
        var tally = new LevelTally(["a", "b", "c", "d"]);
        foreach (var code in new[] { 2, 1, 2, 1, 3 }) tally.Add(code);

        Assert.Equal(["b", "c", "d"], tally.Present());
        Assert.Equal("c", tally.MostCommon(new HashSet<string>()));
        Assert.Equal("b", tally.MostCommon(new HashSet<string> { "c" }));
        Assert.Null(tally.MostCommon(new HashSet<string> { "b", "c", "d" }));
        Assert.True(tally.Occurs("d"));
        Assert.False(tally.Occurs("a"));
    }

    [Fact]
    public void A_level_whose_renewals_all_churned_or_all_stayed_is_separated()
    {
        var tally = new LevelTally(["x", "y", "z"]);
        tally.Add(0, churned: true);
        tally.Add(0, churned: true);
        tally.Add(1, churned: true);
        tally.Add(1, churned: false);
        tally.Add(2, churned: false);

        Assert.Equal(new HashSet<string> { "x", "z" }, tally.Separated());
    }

    [Fact]
    public void Levels_with_the_same_name_count_as_one_and_map_to_its_first_place_in_the_factor()
    {
        // Size levels of near-equal quartiles can print alike: the model has one column for them, as it has one name.
        var tally = new LevelTally(["<$10k", "$10k–$10k", "$10k–$10k", "≥$10k"]);
        tally.Add(1);
        tally.Add(2);
        tally.Add(3);

        var present = tally.Present();
        Assert.Equal(["$10k–$10k", "$10k–$10k", "≥$10k"], present);
        Assert.Equal("$10k–$10k", tally.MostCommon(new HashSet<string>()));
        var factor = new Factor("arr", present, 0);
        Assert.Equal([-1, 0, 0, 2], tally.IndexesIn(factor));
    }
}
