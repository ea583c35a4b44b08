using FsCheck;
using FsCheck.Xunit;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Core.Tests.Statistics;

/// <summary>Reference values: statsmodels multipletests(method="fdr_bh") via Reference/stats_reference.py.</summary>
public class MultipleTestingTests
{
    private const double Tol = 1e-9;

    [Fact]
    public void Benjamini_Hochberg_reproduces_the_1995_paper_example()
    {
        // The worked example of Benjamini & Hochberg (1995): 15 p-values, 4 discoveries at FDR 0.05.
        double[] p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
                      0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000];
        double[] expected = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286,
                             0.06385714285714286, 0.0645, 0.07650000000000001, 0.48600000000000004,
                             0.5811818181818182, 0.7148749999999999, 0.7532307692307693,
                             0.8132142857142857, 1.0];
        var q = MultipleTesting.BenjaminiHochberg(p);
        Assert.Equal(expected.Length, q.Length);
        for (var i = 0; i < q.Length; i++)
        {
            Assert.Equal(expected[i], q[i], Tol);
        }

        Assert.Equal(4, MultipleTesting.RejectAt(q, 0.05).Count(r => r));
    }

    [Fact]
    public void Benjamini_Hochberg_keeps_the_original_order_and_handles_ties()
    {
        double[] p = [0.04, 0.001, 0.03, 0.04, 0.5, 0.02, 0.9, 0.012];
        double[] expected = [0.05333333333333334, 0.008, 0.05333333333333334, 0.05333333333333334,
                             0.5714285714285714, 0.05333333333333334, 0.9, 0.048];
        var q = MultipleTesting.BenjaminiHochberg(p);
        for (var i = 0; i < q.Length; i++)
        {
            Assert.Equal(expected[i], q[i], Tol);
        }

        Assert.Equal([false, true, false, false, false, false, false, true], MultipleTesting.RejectAt(q, 0.05));
    }

    [Fact]
    public void Missing_p_values_stay_missing_and_do_not_count_as_tests()
    {
        var q = MultipleTesting.BenjaminiHochberg([0.01, double.NaN, 0.04]);
        Assert.Equal(0.02, q[0], Tol);
        Assert.True(double.IsNaN(q[1]));
        Assert.Equal(0.04, q[2], Tol);
        Assert.Equal([true, false, true], MultipleTesting.RejectAt(q, 0.05));
    }

    [Fact]
    public void Empty_input_gives_empty_output_and_invalid_input_throws()
    {
        Assert.Empty(MultipleTesting.BenjaminiHochberg([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.BenjaminiHochberg([0.5, 1.2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.BenjaminiHochberg([-0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.RejectAt([0.01], 0));
    }

    [Property(MaxTest = 300)]
    public bool Benjamini_Hochberg_q_values_are_monotone_in_p_at_least_p_and_at_most_one(int[] raw)
    {
        // Map arbitrary ints to p-values on a grid so ties are frequent.
        var p = raw.Select(x => (Math.Abs((long)x) % 101) / 100.0).ToArray();
        var q = MultipleTesting.BenjaminiHochberg(p);
        for (var i = 0; i < p.Length; i++)
        {
            if (q[i] < p[i] || q[i] > 1)
            {
                return false;
            }

            for (var j = 0; j < p.Length; j++)
            {
                if (p[i] <= p[j] && q[i] > q[j])
                {
                    return false;
                }
            }
        }

        return true;
    }
}
