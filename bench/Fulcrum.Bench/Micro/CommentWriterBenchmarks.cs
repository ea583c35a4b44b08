using BenchmarkDotNet.Attributes;
using Fulcrum.Data.Demo.Comments;

namespace Fulcrum.Bench.Micro;

/// <summary><see cref="CommentWriter.Write"/> for a theme-less, a one-theme and a three-theme comment (one call per operation).</summary>
[BenchmarkCategory("Comments")]
public class CommentWriterBenchmarks
{
    private static readonly string[] Products = ["Core Platform", "Analytics", "Automation", "Connect"];
    private static readonly CommentTheme[] NoThemes = [];
    private static readonly CommentTheme[] OneTheme = [CommentTheme.SlowSupport];
    private static readonly CommentTheme[] ThreeThemes = [CommentTheme.ProductsDontIntegrate, CommentTheme.Pricing, CommentTheme.Reporting];

    private Random rng = null!;

    // One seeded generator for the whole run: each call continues its sequence, like the demo generator does.
    [GlobalSetup]
    public void Setup() => rng = new Random(42);

    [Benchmark(Description = "Write, no theme, passive (7)")]
    public string NoTheme() => CommentWriter.Write(rng, NoThemes, 7, Products);

    [Benchmark(Baseline = true, Description = "Write, 1 theme, detractor (3)")]
    public string SingleTheme() => CommentWriter.Write(rng, OneTheme, 3, Products);

    [Benchmark(Description = "Write, 3 themes, promoter (9)")]
    public string SeveralThemes() => CommentWriter.Write(rng, ThreeThemes, 9, Products);
}
