using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// Times the analyses of issue 4 on an existing store (e.g. one made by
/// <c>fulcrum generate --accounts 100000 --db big.duckdb</c>): building the fact tables once, then every metric,
/// metrics by segment, the drill-down, the growth-check scan, the alert scan and the cohort analysis.
/// </summary>
public static class AnalyticsBenchmark
{
    public static int Run(string[] args)
    {
        var db = Option(args, "--db") ?? throw new ArgumentException("--db PATH is required (generate one with `fulcrum generate --accounts 100000 --db PATH`).");
        var output = Option(args, "--out");
        if (!File.Exists(db)) { Console.Error.WriteLine($"No database at {db}."); return 2; }

        var rows = new List<(string Step, double Seconds)>();
        var clock = Stopwatch.StartNew();
        using var store = FulcrumStore.Open(db);
        var facts = new AnalysisFacts(store);
        var responses = store.Count("responses");
        var accounts = store.Count("accounts");
        void Time(string step, Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            rows.Add((step, watch.Elapsed.TotalSeconds));
            Console.WriteLine($"{step}: {watch.Elapsed.TotalSeconds:F2} s");
        }

        Time("facts: account states", () => facts.AccountStates());
        Time("facts: response facts", () => facts.Responses());
        Time("facts: account-quarter facts", () => facts.AccountPeriods(PeriodUnit.Quarter));
        Time("metrics: every metric by quarter", () => MetricsAnalysis.Run(facts, new MetricsQuery([], [])));
        Time("metrics: every metric by quarter and segment", () => MetricsAnalysis.Run(facts, new MetricsQuery([], ["segment"])));
        Time("drill-down (3 levels, 7 dimensions)", () => DrillDown.Run(facts, new DrillOptions()));
        Time("growth-check (decomposition + scan of values and pairs)", () => GrowthCheck.Run(facts, new GrowthCheckOptions()));
        Time("alerts (detect only)", () => AlertScan.Detect(facts, new AlertOptions()));
        Time("cohorts (1 → several products)", () => ProductTransitionAnalysis.Run(facts, new TransitionOptions()));

        var factSeconds = rows.Where(r => r.Step.StartsWith("facts", StringComparison.Ordinal)).Sum(r => r.Seconds);
        var issueFour = rows.Where(r => r.Step.StartsWith("metrics", StringComparison.Ordinal) || r.Step.StartsWith("drill", StringComparison.Ordinal)
                                        || r.Step.StartsWith("growth", StringComparison.Ordinal)).Sum(r => r.Seconds);
        var report = new System.Text.StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"\n## Analytics on {accounts:N0} accounts / {responses:N0} responses, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"```\ndotnet run -c Release --project bench/Fulcrum.Bench -- analytics --db {Path.GetFileName(db)}\n```\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, load average at start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.\n");
        report.AppendLine("| step | seconds |\n|---|---:|");
        foreach (var (step, seconds) in rows) report.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {seconds:F2} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **fact tables (once per connection)** | **{factSeconds:F2}** |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **all metrics, drill-down and segment scan, on built facts** | **{issueFour:F2}** |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| total wall time including opening the store | {clock.Elapsed.TotalSeconds:F2} |");
        Console.WriteLine(report);
        if (output is not null) File.AppendAllText(output, report.ToString());
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
