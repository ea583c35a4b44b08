namespace Fulcrum.ThemeLab;

/// <summary>Centres unit vectors on their mean, removes the top principal directions (all-but-the-top, Mu &amp; Viswanath 2018), renormalises.</summary>
static class Whitening
{
    public static float[][] AllButTheTop(float[][] vectors, int components)
    {
        var d = vectors[0].Length;
        var mean = new double[d];
        foreach (var v in vectors) for (var j = 0; j < d; j++) mean[j] += v[j];
        for (var j = 0; j < d; j++) mean[j] /= vectors.Length;
        var centred = vectors.Select(v => v.Select((x, j) => x - mean[j]).ToArray()).ToArray();
        var directions = new List<double[]>();
        if (components > 0)
        {
            var rng = new Random(1);
            var sample = centred.OrderBy(_ => rng.Next()).Take(20000).ToArray();
            var cov = new double[d, d];
            Parallel.For(0, d, a => { for (var b = 0; b < d; b++) { var s = 0.0; foreach (var x in sample) s += x[a] * x[b]; cov[a, b] = s; } });
            for (var c = 0; c < components; c++)
            {
                var u = Enumerable.Range(0, d).Select(_ => rng.NextDouble() - 0.5).ToArray();
                for (var it = 0; it < 100; it++)
                {
                    var w = new double[d];
                    for (var a = 0; a < d; a++) { var s = 0.0; for (var b = 0; b < d; b++) s += cov[a, b] * u[b]; w[a] = s; }
                    foreach (var p in directions) { var dot = w.Zip(p, (x, y) => x * y).Sum(); for (var a = 0; a < d; a++) w[a] -= dot * p[a]; }
                    var norm = Math.Sqrt(w.Sum(x => x * x));
                    u = w.Select(x => x / norm).ToArray();
                }
                directions.Add(u);
            }
        }
        return centred.Select(v =>
        {
            var r = v.Select(x => (double)x).ToArray();
            foreach (var p in directions) { var dot = r.Zip(p, (x, y) => x * y).Sum(); for (var a = 0; a < d; a++) r[a] -= dot * p[a]; }
            var norm = Math.Sqrt(r.Sum(x => x * x));
            return r.Select(x => (float)(x / norm)).ToArray();
        }).ToArray();
    }
}
