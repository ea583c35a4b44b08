using BenchmarkDotNet.Attributes;
using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Bench.Micro;

/// <summary><c>[Monthly Charge] * 12</c>: parsing, evaluating a parsed expression, and both (as a one-off derived value would).</summary>
[BenchmarkCategory("Expressions")]
public class ExpressionBenchmarks
{
    private const string Text = "[Monthly Charge] * 12";

    private readonly BenchRow row = new(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Customer ID"] = "7590-VHVEG",
        ["Monthly Charge"] = "79.85",
        ["Contract"] = "Month-to-month",
        ["Tenure"] = "34",
    });

    private MappingExpression parsed = null!;

    [GlobalSetup]
    public void Setup() => parsed = MappingExpression.Parse(Text);

    [Benchmark(Description = "Parse")]
    public MappingExpression Parse() => MappingExpression.Parse(Text);

    [Benchmark(Description = "Evaluate (pre-parsed)")]
    public object? Evaluate() => parsed.Evaluate(row);

    [Benchmark(Baseline = true, Description = "Parse + Evaluate")]
    public object? ParseAndEvaluate() => MappingExpression.Parse(Text).Evaluate(row);

    /// <summary>A source row backed by a case-insensitive dictionary, like the importer's row context.</summary>
    private sealed class BenchRow(Dictionary<string, string?> values) : IExpressionRow
    {
        public string? Get(string column) => values.TryGetValue(column, out var value) ? value : null;
    }
}
