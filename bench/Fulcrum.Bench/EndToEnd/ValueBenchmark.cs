using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value.ClosedLoop;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Analytics.Value.Ledger;
using Fulcrum.Analytics.Value.References;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// Times `fulcrum value` step by step on an existing store (e.g. <c>fulcrum generate --accounts 50000 --db big.duckdb</c>):
/// loading the value panel, measuring every initiative (matching, event studies, placebo, money for four outcomes), the
/// reference program, syncing follow-ups, the closed-loop measures and the ledger; with peak working set.
/// </summary>
public static class ValueBenchmark
{
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--db");
        var db = i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException("--db PATH is required.");
        var o = Array.IndexOf(args, "--out");
        var output = o >= 0 && o + 1 < args.Length ? args[o + 1] : null;
        if (!File.Exists(db)) { Console.Error.WriteLine($"No database at {db}."); return 2; }

        var rows = new List<(string Step, double Seconds)>();
        var clock = Stopwatch.StartNew();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        using var store = FulcrumStore.Open(db);
        var facts = new AnalysisFacts(store);
        T Time<T>(string step, Func<T> action)
        {
            var watch = Stopwatch.StartNew();
            var result = action();
            rows.Add((step, watch.Elapsed.TotalSeconds));
            Console.WriteLine($"{step}: {watch.Elapsed.TotalSeconds:F2} s");
            return result;
        }

        Time("fact tables (if not built yet)", () => { facts.Responses(); return facts.AccountPeriods(PeriodUnit.Quarter); });
        var panel = Time("value panel: accounts, answers, account-quarters", () => ValuePanel.Load(facts));
        var initiatives = new InitiativeRegistry(store).List();
        var impacts = Time($"initiative impact ({initiatives.Count} initiatives × 4 outcomes, with leads and placebo)", () => InitiativeImpactAnalysis.Run(panel, initiatives));
        var references = Time("reference program", () => ReferenceProgram.Run(store));
        Time("followups sync", () => new Followups(store).Sync());
        Time("closed-loop measures", () => ClosedLoopMeasures.Run(store));
        Time("value ledger", () => ValueLedger.Build(impacts, references));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);

        var c = CultureInfo.InvariantCulture;
        var report = new System.Text.StringBuilder();
        report.AppendLine(c, $"\n## Value delivered on {store.Count("accounts"):N0} accounts / {store.Count("responses"):N0} responses, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        report.AppendLine(c, $"```\ndotnet run -c Release --project bench/Fulcrum.Bench -- value --db {Path.GetFileName(db)}\n```\n");
        report.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores (shared), load average at start {load}. Response cells in the NPS event studies: {panel.ResponseCells.Account.Length:N0} (from {panel.Responses.Count:N0} answers).\n");
        report.AppendLine("| step | seconds |\n|---|---:|");
        foreach (var (step, seconds) in rows) report.AppendLine(c, $"| {step} | {seconds:F2} |");
        report.AppendLine(c, $"| **total wall time including opening the store** | **{clock.Elapsed.TotalSeconds:F2}** |");
        report.AppendLine(c, $"| peak working set | {peak:N0} MiB |\n");
        var truth = Fulcrum.Data.Demo.GroundTruth.Read(store).ToDictionary(g => g.EffectId);
        foreach (var impact in impacts)
            if (impact.Outcome(InitiativeImpactAnalysis.Nps) is { } nps)
            {
                var realized = truth.TryGetValue("initiative_" + impact.Initiative.InitiativeId, out var t) && t.Realized is { } r
                    ? string.Create(c, $"; realized (demo ground truth) {r:F2}") : "";
                report.AppendLine($"- {impact.Initiative.InitiativeId}: {nps.Verdict}{realized}");
            }
        Console.WriteLine(report);
        if (output is not null) File.AppendAllText(output, report.ToString());
        return 0;
    }
}
