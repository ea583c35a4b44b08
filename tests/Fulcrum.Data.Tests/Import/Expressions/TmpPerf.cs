using System.Diagnostics;
using Fulcrum.Data.Import.Expressions;
using Xunit.Abstractions;
namespace Fulcrum.Data.Tests.Import.Expressions;
public class TmpPerf(ITestOutputHelper output)
{
    private sealed class ArrayRow : IExpressionRow
    {
        public string?[] Values = ["79.99", "Gold", "9"];
        public string? Get(string column) => column switch { "A" => Values[0], "Plan" => Values[1], "NPS" => Values[2], _ => null };
    }
    [Fact]
    public void ParseRaw()
    {
        double d = 0;
        for (int i = 0; i < 200_000; i++) double.TryParse("79.99", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out d);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 3_000_000; i++) double.TryParse("79.99", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out d);
        output.WriteLine($"raw parse: {sw.Elapsed.TotalNanoseconds / 3e6:F1} ns");
    }
    [Fact]
    public void Measure()
    {
        var row = new ArrayRow();
        for (int rep = 0; rep < 2; rep++) foreach (var text in new[] { "79.99", "[A]", "[A] * 12",  "[A] * 12", "round(number([A]) * 12, 2)", "if(NPS >= 9, 'promoter', if(NPS >= 7, 'passive', 'detractor'))", "[Plan] = 'Gold' and [A] > 50", "concat(lower(Plan), '-', NPS)" })
        {
            var e = MappingExpression.Parse(text);
            for (int i = 0; i < 200_000; i++) e.Evaluate(row);
            const int n = 3_000_000;
            var alloc = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) e.Evaluate(row);
            sw.Stop();
            output.WriteLine($"{rep}: ");
            output.WriteLine($"{text}: {sw.Elapsed.TotalNanoseconds / n:F1} ns, {(GC.GetAllocatedBytesForCurrentThread() - alloc) / (double)n:F1} B/eval");
        }
    }
}
