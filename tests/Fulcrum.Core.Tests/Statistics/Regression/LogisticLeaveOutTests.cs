using Fulcrum.Core.Statistics.Regression;

namespace Fulcrum.Core.Tests.Statistics.Regression;

/// <summary>The one-step leave-out against the full refit without the removed events.</summary>
public sealed class LogisticLeaveOutTests
{
    // Three binary factors, all eight cells, 200 trials each; churn rises with each factor.
    static (double[,] Design, double[] Events, double[] Trials) Cells()
    {
        var design = new double[8, 4];
        var (events, trials) = (new double[8], new double[8]);
        for (var c = 0; c < 8; c++)
        {
            design[c, 0] = 1;
            for (var f = 0; f < 3; f++) design[c, f + 1] = (c >> f) & 1;
            trials[c] = 200;
            events[c] = Math.Round(200 / (1 + Math.Exp(-(-2 + 0.5 * design[c, 1] + 0.8 * design[c, 2] - 0.3 * design[c, 3]))) + (c % 3 - 1) * 3);
        }
        return (design, events, trials);
    }

    [Fact]
    public void One_step_is_close_to_the_refit_without_the_removed_events()
    {
        var (design, events, trials) = Cells();
        var names = new[] { "intercept", "a", "b", "c" };
        var fit = LogisticRegression.Fit(new GroupedData(design, events, trials, names));
        // Remove a "theme" raised by 3 in 4 renewals of cells 3 and 7 (a = b = 1) that churns 1.6× the others there: the rest
        // of those cells churns at 0.69 of the cell's rate.
        var (removedEvents, removedTrials) = (new double[8], new double[8]);
        foreach (var c in new[] { 3, 7 }) (removedTrials[c], removedEvents[c]) = (150, 150 * 1.6 * events[c] / (200 * 1.45));
        var rest = new GroupedData(design, events.Select((y, c) => y - removedEvents[c]).ToArray(), trials.Select((n, c) => n - removedTrials[c]).ToArray(), names);
        var exact = LogisticRegression.Probabilities(design, LogisticRegression.Fit(rest).Coefficients);

        var oneStep = new LogisticLeaveOut(new SparseDesign(design), fit.Coefficients, events, trials).ProbabilitiesWithout(removedEvents, removedTrials)!;

        var full = LogisticRegression.Probabilities(design, fit.Coefficients);
        // The removal moves cell 3 from 0.327 to 0.284 and cell 7 from 0.269 to 0.228; one step lands within 0.001 of the refit
        // there (measured 0.0009; 0.0001–0.0004 in the other cells).
        Assert.True(full[3] - exact[3] > 0.04, $"the removal should matter: {full[3]:F4} vs {exact[3]:F4}");
        foreach (var c in new[] { 3, 7 }) Assert.Equal(exact[c], oneStep[c], 0.001);
    }

    [Fact]
    public void Removing_nothing_gives_back_the_fit()
    {
        var (design, events, trials) = Cells();
        var fit = LogisticRegression.Fit(new GroupedData(design, events, trials, ["intercept", "a", "b", "c"]));

        // Nothing removed from any cell asks for no probability; a cell removed from with no events or trials gets back the fit's.
        var none = new LogisticLeaveOut(new SparseDesign(design), fit.Coefficients, events, trials).ProbabilitiesWithout(new double[8], new double[8])!;
        Assert.All(none, p => Assert.True(double.IsNaN(p)));
        var same = new LogisticLeaveOut(new SparseDesign(design), fit.Coefficients, events, trials).ProbabilitiesWithout(new double[8], [1e-12, 0, 0, 0, 0, 0, 0, 0])!;
        Assert.Equal(LogisticRegression.Probabilities(design, fit.Coefficients)[0], same[0], 1e-9);
    }

    [Fact]
    public void A_level_the_rest_holds_nothing_about_keeps_its_coefficient()
    {
        var (design, events, trials) = Cells();
        var fit = LogisticRegression.Fit(new GroupedData(design, events, trials, ["intercept", "a", "b", "c"]));
        // Remove every cell with c = 1: the rest says nothing about c's coefficient.
        var (removedEvents, removedTrials) = (new double[8], new double[8]);
        for (var cell = 4; cell < 8; cell++) (removedEvents[cell], removedTrials[cell]) = (events[cell], trials[cell]);

        var without = new LogisticLeaveOut(new SparseDesign(design), fit.Coefficients, events, trials).ProbabilitiesWithout(removedEvents, removedTrials);

        Assert.NotNull(without);
        Assert.All(without!.Skip(4), p => Assert.InRange(p, 0, 1));
    }
}
