namespace Fulcrum.Data.Demo;

/// <summary>Draws from the distributions the simulation needs, on a caller-owned Random (determinism).</summary>
internal static class Sampling
{
    public static double Normal(Random rng, double mean = 0, double sd = 1)
    {
        // Box–Muller; one of the pair is discarded to keep the stream simple to reason about.
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double LogNormal(Random rng, double median, double sigma) => median * Math.Exp(sigma * Normal(rng));

    public static int Poisson(Random rng, double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.Max(0, (int)Math.Round(Normal(rng, lambda, Math.Sqrt(lambda))));
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit) { k++; p *= rng.NextDouble(); }
        return k;
    }

    public static bool Chance(Random rng, double p) => rng.NextDouble() < p;

    public static double Exponential(Random rng, double mean) => -mean * Math.Log(1.0 - rng.NextDouble());

    public static DateOnly DayIn(Random rng, DateOnly from, int days) => from.AddDays(rng.Next(Math.Max(1, days)));

    public static int Clamp(int value, int min, int max) => Math.Min(max, Math.Max(min, value));
}
