using System.Globalization;
using System.Text;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Cohorts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// DuckDB and PostgreSQL side by side in one run, on the same demo company: bulk load (generation), an import of a
/// responses file, building the fact tables, and the full analysis (metrics, drill-down, growth-check, alerts, cohorts,
/// linkage). Peak memory is this process's (the client); PostgreSQL's server processes are measured apart.
/// <c>backends --postgres URL [--accounts 100000] [--import-rows 200000] [--out docs/benchmarks.md]</c>; the
/// PostgreSQL database must exist and is emptied first.
/// </summary>
public static class BackendsBenchmark
{
    sealed record Step(string Name, Usage Usage);

    public static int Run(string[] args)
    {
        var postgres = Option(args, "--postgres") ?? throw new ArgumentException("--postgres URL is required (an empty database on a PostgreSQL server).");
        var accounts = int.Parse(Option(args, "--accounts") ?? "100000", CultureInfo.InvariantCulture);
        var importRows = int.Parse(Option(args, "--import-rows") ?? "200000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out");
        var folder = Directory.CreateTempSubdirectory("fulcrum-bench-backends-").FullName;
        try
        {
            var csv = Path.Combine(folder, "responses.csv");
            WriteResponses(csv, importRows, accounts);
            var duckDb = Measure(Path.Combine(folder, "bench.duckdb"), accounts, csv);
            var onPostgres = Measure(postgres, accounts, csv);
            var report = Report(accounts, importRows, duckDb, onPostgres);
            Console.WriteLine(report);
            if (output is not null) File.AppendAllText(output, report);
            return 0;
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    static List<Step> Measure(string location, int accounts, string csv)
    {
        var steps = new List<Step>();
        void Time(string name, Action action)
        {
            using var measurement = Measurement.Start();
            action();
            steps.Add(new Step(name, measurement.Stop()));
            Console.WriteLine($"{StoreLocation.Parse(location).Backend}: {name}: {steps[^1].Usage.Elapsed.TotalSeconds:F1} s");
        }
        using var store = FulcrumStore.Open(location);
        Time("generate (bulk load)", () => DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(accounts, 3, 42)));
        Time("import a responses file", () =>
        {
            var result = new Importer(store).Run(new ImportRequest("responses", csv));
            if (result.Status != ImportStatus.Committed) throw new InvalidOperationException("the benchmark import failed: " + string.Join("; ", result.Rejects.Take(3)));
        });
        var facts = new AnalysisFacts(store);
        Time("fact tables", () =>
        {
            facts.AccountStates();
            facts.Responses();
            facts.AccountPeriods(PeriodUnit.Quarter);
        });
        Time("metrics, drill-down, growth-check", () =>
        {
            MetricsAnalysis.Run(facts, new MetricsQuery([], []));
            MetricsAnalysis.Run(facts, new MetricsQuery([], ["segment"]));
            DrillDown.Run(facts, new DrillOptions());
            GrowthCheck.Run(facts, new GrowthCheckOptions());
        });
        Time("alerts and cohorts", () =>
        {
            AlertScan.Detect(facts, new AlertOptions());
            ProductTransitionAnalysis.Run(facts, new TransitionOptions());
        });
        Time("linkage (1,000 resamples)", () => LinkageAnalysis.Run(facts, new LinkageOptions(), new AssumptionStore(store).Snapshot()));
        return steps;
    }

    /// <summary>Responses of existing demo accounts, under ids the generator never uses.</summary>
    static void WriteResponses(string path, int rows, int accounts)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("response_id,account_id,responded_at,nps,csat,ces");
        for (var i = 0; i < rows; i++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:D7},ACC-{i % accounts + 1:D6},2025-12-{i % 28 + 1:D2}T08:00:00Z,{i % 11},{i % 5 + 1},{i % 7 + 1}"));
    }

    static string Report(int accounts, int importRows, List<Step> duckDb, List<Step> postgres)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"\n## DuckDB vs PostgreSQL on {accounts:N0} accounts, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"```\ndotnet run -c Release --project bench/Fulcrum.Bench -- backends --accounts {accounts} --import-rows {importRows} --postgres postgres://USER@HOST/DB\n```\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores shared with other work; PostgreSQL 15 on the same machine (loopback), fsync off (a throwaway cluster). ");
        report.AppendLine("Peak memory is the Fulcrum process's high-water mark during the step (for DuckDB it includes the database engine; PostgreSQL's server runs in its own processes).\n");
        report.AppendLine("| step | DuckDB s | PostgreSQL s | DuckDB CPU s | PostgreSQL client CPU s | DuckDB peak MB | PostgreSQL client peak MB |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < duckDb.Count; i++)
        {
            var (d, p) = (duckDb[i].Usage, postgres[i].Usage);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {duckDb[i].Name} | {d.Elapsed.TotalSeconds:F1} | {p.Elapsed.TotalSeconds:F1} | {d.Cpu.TotalSeconds:F1} | {p.Cpu.TotalSeconds:F1} | {d.PeakWorkingSet / 1048576.0:F0} | {p.PeakWorkingSet / 1048576.0:F0} |");
        }
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| **total** | **{duckDb.Sum(s => s.Usage.Elapsed.TotalSeconds):F1}** | **{postgres.Sum(s => s.Usage.Elapsed.TotalSeconds):F1}** | | | | |");
        return report.ToString();
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
