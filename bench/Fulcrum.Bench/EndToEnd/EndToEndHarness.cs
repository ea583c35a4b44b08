using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// End-to-end benchmark: (a) generating the demo company into a fresh store, (b) importing a generated
/// responses CSV into a fresh store, then re-importing it (idempotent: every row unchanged).
/// Prints a Markdown report and appends it to --out when given. Everything is written to a temporary
/// directory that is deleted at the end.
/// </summary>
internal static class EndToEndHarness
{
    private const int GeneratorYears = 3;
    private const int Seed = 42;
    private const int SpecAccounts = 100_000;
    private const int SpecRows = 1_000_000;
    private static readonly TimeSpan GeneratorTarget = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ImportTarget = TimeSpan.FromSeconds(10);

    private sealed record Options(int Accounts, int Rows, string? Out, bool Generate, bool Import, string? TempRoot);

    public static int Run(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
            if (options.Generate) new DemoCompanyOptions(options.Accounts, GeneratorYears, Seed).Validate();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        // Ctrl+C cancels the running step; the temporary directory is still removed.
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var ct = cancellation.Token;

        var root = options.TempRoot ?? Path.GetTempPath();
        var work = Path.Combine(root, $"fulcrum-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(work);
        var command = "dotnet run -c Release --project bench/Fulcrum.Bench -- e2e " + string.Join(' ', args.Select(Quote));
        Console.WriteLine($"work directory: {work}");
        var report = new StringBuilder();
        try
        {
            string duckDb;
            using (var probe = FulcrumStore.Open(":memory:"))
                duckDb = probe.Scalar<string>("SELECT version()");
            var machine = MachineInfo.Collect(duckDb);
            WriteHeader(report, machine, command.TrimEnd(), options);
            if (options.Generate) WriteGeneration(report, MeasureGeneration(work, options.Accounts, ct));
            if (options.Import) WriteImport(report, MeasureImport(work, options.Accounts, options.Rows, ct));
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"could not delete {work}: {e.Message}");
            }
        }

        var markdown = report.ToString();
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.Out is not null)
        {
            var outPath = Path.GetFullPath(options.Out);
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            var separator = File.Exists(outPath) && new FileInfo(outPath).Length > 0 ? "\n" : "";
            File.AppendAllText(outPath, separator + markdown);
            Console.WriteLine($"appended to {outPath}");
        }

        return 0;
    }

    private static Options Parse(string[] args)
    {
        int accounts = 100_000, rows = 1_000_000;
        string? output = null, temp = null;
        bool generate = true, import = true;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--accounts": accounts = PositiveInt(Value(), "--accounts"); break;
                case "--rows": rows = PositiveInt(Value(), "--rows"); break;
                case "--out": output = Value(); break;
                case "--temp": temp = Value(); break;
                case "--skip-generate": generate = false; break;
                case "--skip-import": import = false; break;
                default: throw new ArgumentException($"unknown option {args[i]}; options: --accounts N, --rows N, --out FILE, --temp DIR, --skip-generate, --skip-import");
            }
        }

        return new Options(accounts, rows, output, generate, import, temp);
    }

    private static int PositiveInt(string text, string option) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} must be a positive whole number, not '{text}'");

    private static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,".Contains(c)) ? arg : $"'{arg}'";

    // ---------------------------------------------------------------- generation

    private sealed record Wave(TimeSpan At, int AccountsDone, long Responses, long Tickets, long WorkingSet, long ManagedHeap);

    private sealed record GenerationRun(
        GenerationResult Result, Usage Usage, TimeSpan Open, TimeSpan Close, long DatabaseBytes,
        IReadOnlyList<Wave> Waves, TimeSpan GenerateCall);

    private static GenerationRun MeasureGeneration(string work, int accounts, CancellationToken ct)
    {
        var path = Path.Combine(work, "demo.duckdb");
        Console.WriteLine($"generating {accounts:N0} accounts into {path} ...");
        var waves = new List<Wave>();
        GenerationResult result;
        TimeSpan open, close, generateCall;
        Usage usage;
        using (var measurement = Measurement.Start())
        {
            using var store = FulcrumStore.Open(path);
            open = measurement.Elapsed;
            PhaseTimeline.Trace("generate: start");
            var lastPrint = TimeSpan.Zero;
            var progress = new SynchronousProgress<GenerationProgress>(p =>
            {
                var at = measurement.Elapsed - open;
                if (waves.Count == 0) PhaseTimeline.Trace("generate: first wave done");
                waves.Add(new Wave(at, p.AccountsDone, p.Responses, p.Tickets, Environment.WorkingSet, GC.GetTotalMemory(forceFullCollection: false)));
                if (p.AccountsDone == p.AccountsTotal) PhaseTimeline.Trace("generate: last wave done");
                if (at - lastPrint >= TimeSpan.FromSeconds(10) || p.AccountsDone == p.AccountsTotal)
                {
                    lastPrint = at;
                    Console.WriteLine($"  {at.TotalSeconds,6:0.0} s  {p.AccountsDone,9:N0} accounts  {p.Responses,12:N0} responses  {p.Tickets,12:N0} tickets  ws {Format.Bytes(Environment.WorkingSet)}");
                }
            });
            result = DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(accounts, GeneratorYears, Seed), progress, ct);
            generateCall = measurement.Elapsed - open;
            PhaseTimeline.Trace("generate: returned");
            store.Dispose();
            close = measurement.Elapsed - open - generateCall;
            usage = measurement.Stop();
        }

        var bytes = new DirectoryInfo(work).EnumerateFiles("demo.duckdb*").Sum(f => f.Length);
        foreach (var file in new DirectoryInfo(work).EnumerateFiles("demo.duckdb*")) file.Delete();
        Console.WriteLine($"  done: {result.Responses:N0} responses, {result.Tickets:N0} tickets in {generateCall.TotalSeconds:0.0} s (+{close.TotalSeconds:0.0} s close)");
        return new GenerationRun(result, usage, open, close, bytes, waves, generateCall);
    }

    private static void WriteGeneration(StringBuilder md, GenerationRun run)
    {
        var r = run.Result;
        var rows = r.Accounts + r.Subscriptions + r.Responses + r.Tickets + r.Outcomes + r.References + r.Opportunities + r.Initiatives;
        var met = run.GenerateCall <= GeneratorTarget;
        md.AppendLine("### Demo company generation");
        md.AppendLine();
        md.AppendLine($"`DemoCompanyGenerator.Generate(FulcrumStore.Open(tempPath), new DemoCompanyOptions({r.Accounts}, {GeneratorYears}, {Seed}), progress, ct)` into a new DuckDB file.");
        md.AppendLine();
        md.AppendLine("| Figure | Value |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| Accounts | {Format.Count(r.Accounts)} |");
        md.AppendLine($"| Responses | {Format.Count(r.Responses)} |");
        md.AppendLine($"| Tickets | {Format.Count(r.Tickets)} |");
        md.AppendLine($"| Other rows (subscriptions, outcomes, references, opportunities, initiatives) | {Format.Count(r.Subscriptions + r.Outcomes + r.References + r.Opportunities + r.Initiatives)} |");
        md.AppendLine($"| Rows written, all tables | {Format.Count(rows)} |");
        md.AppendLine($"| **Time, `Generate` call** | **{Format.Seconds(run.GenerateCall)}** |");
        md.AppendLine($"| Time, `FulcrumStore.Open` (new file, migrations) / `Dispose` (checkpoint) | {Format.Seconds(run.Open)} / {Format.Seconds(run.Close)} |");
        md.AppendLine($"| Rows/s, all tables (responses + tickets only) | {Format.Rate(rows, run.GenerateCall)} ({Format.Rate(r.Responses + r.Tickets, run.GenerateCall)}) |");
        md.AppendLine($"| Peak working set{(run.Usage.PeakWorkingSetExact ? "" : " (sampled)")} | {Format.Bytes(run.Usage.PeakWorkingSet)} |");
        md.AppendLine($"| Peak managed heap (`GC.GetTotalMemory`, sampled) / after | {Format.Bytes(run.Usage.PeakManagedHeap)} / {Format.Bytes(run.Usage.ManagedHeapAfter)} |");
        md.AppendLine($"| Managed allocations | {Format.Bytes(run.Usage.Allocated)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| CPU time (process) / wall | {Format.Seconds(run.Usage.Cpu)} ({run.Usage.CpuPerWall:0.00} cores busy on average) |");
        md.AppendLine($"| Database file(s) at the end | {Format.Bytes(run.DatabaseBytes)} |");
        md.AppendLine($"| Load average (1 min) before → after | {run.Usage.Load} |");
        var verdict = r.Accounts != SpecAccounts
            ? $"not applicable at {Format.Count(r.Accounts)} accounts (the target is for {Format.Count(SpecAccounts)})"
            : $"{(met ? "**met**" : "**missed**")}: {Format.Seconds(run.GenerateCall)} for {Format.Count(r.Responses)} responses and {Format.Count(r.Tickets)} tickets";
        md.AppendLine($"| Target: 100k accounts / ~2M responses / ~10M tickets in ≤ 2 min | {verdict} |");
        md.AppendLine();

        // Memory over the run: working set at each quarter of the accounts, to show whether it is bounded.
        if (run.Waves.Count > 0)
        {
            md.AppendLine("Progress and memory during the run (at the progress report nearest each quarter of the accounts):");
            md.AppendLine();
            md.AppendLine("| Accounts done | Elapsed | Responses | Tickets | Working set | Managed heap |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|");
            var total = r.Accounts;
            var picks = new[] { 0.1, 0.25, 0.5, 0.75, 1.0 }
                .Select(f => run.Waves.MinBy(w => Math.Abs(w.AccountsDone - f * total))!)
                .Distinct();
            foreach (var w in picks)
                md.AppendLine($"| {Format.Count(w.AccountsDone)} | {Format.Seconds(w.At)} | {Format.Count(w.Responses)} | {Format.Count(w.Tickets)} | {Format.Bytes(w.WorkingSet)} | {Format.Bytes(w.ManagedHeap)} |");
            md.AppendLine();

            var last = run.Waves[^1];
            md.AppendLine("Phases (from the generator's progress reports, one per wave of accounts):");
            md.AppendLine();
            md.AppendLine("| Phase | Time | Share |");
            md.AppendLine("|---|---:|---:|");
            var first = run.Waves[0];
            md.AppendLine($"| Clear store + first wave (simulate + append {Format.Count(first.AccountsDone)} accounts) | {Format.Seconds(first.At)} | {Format.Percent(first.At, run.GenerateCall)} |");
            md.AppendLine($"| Remaining {run.Waves.Count - 1} waves (simulate in parallel, then append) | {Format.Seconds(last.At - first.At)} | {Format.Percent(last.At - first.At, run.GenerateCall)} |");
            md.AppendLine($"| After the last wave: baseline deals, closing the appenders (final flush), initiatives, ground truth | {Format.Seconds(run.GenerateCall - last.At)} | {Format.Percent(run.GenerateCall - last.At, run.GenerateCall)} |");
            md.AppendLine();
        }
    }

    // ---------------------------------------------------------------- import

    private sealed record ImportRun(
        ImportFixture.Files Files, TimeSpan WriteCsv, TimeSpan ParseOnly,
        ImportResult AccountsResult, Usage AccountsUsage,
        ImportResult First, Usage FirstUsage, IReadOnlyList<(string Phase, TimeSpan Duration)> FirstPhases,
        ImportResult Again, Usage AgainUsage, IReadOnlyList<(string Phase, TimeSpan Duration)> AgainPhases);

    private static ImportRun MeasureImport(string work, int accounts, int rows, CancellationToken ct)
    {
        Console.WriteLine($"writing {rows:N0} responses over up to {accounts:N0} accounts as CSV ...");
        var clock = Stopwatch.StartNew();
        var files = ImportFixture.Write(work, accounts, rows, Seed);
        var writeCsv = clock.Elapsed;
        Console.WriteLine($"  {files.ResponseRows:N0} responses ({Format.Bytes(files.ResponseBytes)}), {files.AccountRows:N0} accounts in {writeCsv.TotalSeconds:0.0} s");

        // Parse-only baseline: the same CSV reader the importer uses, touching every field, nothing else.
        PhaseTimeline.Trace("parse-only: start");
        clock.Restart();
        long fields = 0;
        using (var reader = SourceReaders.Open(files.Responses))
        {
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (reader.Get(i) is not null) fields++;
        }

        var parseOnly = clock.Elapsed;
        Console.WriteLine($"  parse only: {parseOnly.TotalSeconds:0.00} s ({fields:N0} non-empty fields)");

        var path = Path.Combine(work, "import.duckdb");
        using var store = FulcrumStore.Open(path);
        var importer = new Importer(store);

        Console.WriteLine("importing accounts ...");
        ImportResult accountsResult;
        Usage accountsUsage;
        using (var m = Measurement.Start())
        {
            accountsResult = importer.Run(new ImportRequest("accounts", files.Accounts), null, ct);
            accountsUsage = m.Stop();
        }

        Check(accountsResult, "accounts", files.AccountRows, expectInserted: true);
        Console.WriteLine($"  {accountsResult.Inserted:N0} accounts in {accountsUsage.Elapsed.TotalSeconds:0.00} s");

        var (first, firstUsage, firstPhases) = TimedImport(importer, files.Responses, "import", ct);
        Check(first, "responses", files.ResponseRows, expectInserted: true);
        var (again, againUsage, againPhases) = TimedImport(importer, files.Responses, "re-import", ct);
        Check(again, "responses", files.ResponseRows, expectInserted: false);

        return new ImportRun(files, writeCsv, parseOnly, accountsResult, accountsUsage, first, firstUsage, firstPhases, again, againUsage, againPhases);
    }

    private static (ImportResult, Usage, IReadOnlyList<(string Phase, TimeSpan Duration)>) TimedImport(Importer importer, string file, string label, CancellationToken ct)
    {
        Console.WriteLine($"{label} responses ...");
        using var m = Measurement.Start();
        var timeline = new PhaseTimeline(() => m.Elapsed);
        timeline.Mark("setup (open file, mapping, staging table)");
        var progress = new SynchronousProgress<ImportProgress>(p => timeline.Mark(p.Phase));
        var result = importer.Run(new ImportRequest("responses", file), progress, ct);
        PhaseTimeline.Trace($"{label}: returned");
        var usage = m.Stop();
        var phases = timeline.Phases(usage.Elapsed);
        Console.WriteLine($"  {result.RowsRead:N0} rows in {usage.Elapsed.TotalSeconds:0.00} s: " +
                          string.Join(", ", phases.Select(p => $"{p.Phase} {p.Duration.TotalSeconds:0.00} s")));
        return (result, usage, phases);
    }

    private static void Check(ImportResult result, string table, long rows, bool expectInserted)
    {
        var stats = result.Tables.Single(t => t.Table == table);
        var ok = result.Status == ImportStatus.Committed && result.Rejects.Count == 0 &&
                 (expectInserted ? stats.Inserted == rows : stats.Unchanged == rows && stats.Inserted == 0 && stats.Updated == 0);
        if (!ok)
            throw new InvalidOperationException(
                $"unexpected import result for {table}: status {result.Status}, {result.Rejects.Count} rejects " +
                $"(first: {result.Rejects.FirstOrDefault()?.Reason}), inserted {stats.Inserted}, updated {stats.Updated}, unchanged {stats.Unchanged}, expected {rows} {(expectInserted ? "inserted" : "unchanged")}");
    }

    private static void WriteImport(StringBuilder md, ImportRun run)
    {
        var rows = run.Files.ResponseRows;
        md.AppendLine("### Import of a responses CSV");
        md.AppendLine();
        md.AppendLine($"{Format.Count(rows)} responses ({Format.Bytes(run.Files.ResponseBytes)} of CSV; columns response_id, account_id, contact, survey, channel, " +
                      $"responded_at (ISO 8601 UTC), nps, csat, ces, comment; ~40% of rows with a `CommentWriter` comment) referencing " +
                      $"{Format.Count(run.Files.AccountRows)} accounts, imported with the identity mapping into a new store " +
                      "(`new Importer(store).Run(new ImportRequest(\"responses\", responsesCsv))`) after the accounts CSV; then the same file again.");
        md.AppendLine();
        md.AppendLine("| Step | Rows | Time | Rows/s | CPU time | Peak working set | Peak managed heap | Allocated | Load avg | Result |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        md.AppendLine($"| Write the CSVs (not part of the target) | {Format.Count(rows + run.Files.AccountRows)} | {Format.Seconds(run.WriteCsv)} | {Format.Rate(rows + run.Files.AccountRows, run.WriteCsv)} | | | | | | |");
        md.AppendLine($"| Parse only: CSV reader, every field (baseline) | {Format.Count(rows)} | {Format.Seconds(run.ParseOnly)} | {Format.Rate(rows, run.ParseOnly)} | | | | | | |");
        ImportLine(md, "Import accounts (setup)", run.AccountsResult, run.AccountsUsage, $"{Format.Count(run.AccountsResult.Inserted)} inserted");
        var firstStats = run.First.Tables.Single();
        ImportLine(md, "**Import responses, new store**", run.First, run.FirstUsage, $"{Format.Count(firstStats.Inserted)} inserted, {run.First.Rejects.Count} rejects");
        var againStats = run.Again.Tables.Single();
        ImportLine(md, "**Re-import the same file**", run.Again, run.AgainUsage,
            $"{Format.Count(againStats.Unchanged)} unchanged, {Format.Count(againStats.Inserted)} inserted, {Format.Count(againStats.Updated)} updated");
        md.AppendLine();
        var firstMet = run.FirstUsage.Elapsed <= ImportTarget;
        md.AppendLine(rows != SpecRows
            ? $"Target (1M-row import in ≤ 10 s): not applicable at {Format.Count(rows)} rows; import {Format.Seconds(run.FirstUsage.Elapsed)}, re-import {Format.Seconds(run.AgainUsage.Elapsed)}."
            : $"Target (1M-row import in ≤ 10 s on this machine): {(firstMet ? "**met**" : "**missed**")}, import {Format.Seconds(run.FirstUsage.Elapsed)}; " +
              $"re-import {Format.Seconds(run.AgainUsage.Elapsed)} ({(run.AgainUsage.Elapsed <= ImportTarget ? "also within" : "over")} 10 s).");
        md.AppendLine();
        md.AppendLine("Phases (timestamps of the importer's `IProgress<ImportProgress>` phase changes):");
        md.AppendLine();
        md.AppendLine("| Phase | Import | Share | Re-import | Share |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        var names = run.FirstPhases.Select(p => p.Phase).Concat(run.AgainPhases.Select(p => p.Phase)).Distinct();
        foreach (var name in names)
        {
            var a = run.FirstPhases.Where(p => p.Phase == name).Select(p => p.Duration).DefaultIfEmpty().Aggregate((x, y) => x + y);
            var b = run.AgainPhases.Where(p => p.Phase == name).Select(p => p.Duration).DefaultIfEmpty().Aggregate((x, y) => x + y);
            md.AppendLine($"| {Describe(name)} | {Format.Seconds(a)} | {Format.Percent(a, run.FirstUsage.Elapsed)} | {Format.Seconds(b)} | {Format.Percent(b, run.AgainUsage.Elapsed)} |");
        }

        md.AppendLine();
        var reading = run.FirstPhases.Where(p => p.Phase == "reading").Select(p => p.Duration).FirstOrDefault();
        if (reading > TimeSpan.Zero)
            md.AppendLine($"Of the import's {Format.Seconds(reading)} in \"reading\", about {Format.Seconds(run.ParseOnly)} is CSV parsing alone (the parse-only baseline above); " +
                          $"the other {Format.Seconds(reading - run.ParseOnly > TimeSpan.Zero ? reading - run.ParseOnly : TimeSpan.Zero)} is mapping, type conversion, validation, duplicate-key tracking and appending to the staging table.");
        md.AppendLine();
    }

    private static string Describe(string phase) => phase switch
    {
        "reading" => "reading: parse CSV, map, convert, validate, stage (appender)",
        "checking references" => "checking references (account ids) + change statistics",
        var p when p.StartsWith("writing ", StringComparison.Ordinal) => $"{p}: upsert from staging (INSERT … ON CONFLICT) + record the run + commit",
        _ => phase,
    };

    private static void ImportLine(StringBuilder md, string step, ImportResult result, Usage usage, string outcome) =>
        md.AppendLine($"| {step} | {Format.Count(result.RowsRead)} | {Format.Seconds(usage.Elapsed)} | {Format.Rate(result.RowsRead, usage.Elapsed)} | {Format.Seconds(usage.Cpu)} | " +
                      $"{Format.Bytes(usage.PeakWorkingSet)}{(usage.PeakWorkingSetExact ? "" : " (sampled)")} | {Format.Bytes(usage.PeakManagedHeap)} | {Format.Bytes(usage.Allocated)} | {usage.Load} | {outcome} |");

    // ---------------------------------------------------------------- header

    private static void WriteHeader(StringBuilder md, MachineInfo machine, string command, Options options)
    {
        md.AppendLine($"## End-to-end run, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("| Machine | |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| CPUs (`nproc`) | {machine.Nproc} |");
        md.AppendLine($"| CPU model | {machine.CpuModel} |");
        md.AppendLine($"| RAM | {machine.Ram} |");
        md.AppendLine($"| OS | {machine.Os} |");
        md.AppendLine($"| .NET | {machine.Dotnet} |");
        md.AppendLine($"| DuckDB | {machine.DuckDb} |");
        md.AppendLine($"| Scale | {Format.Count(options.Accounts)} accounts, {Format.Count(options.Rows)} import rows |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| Load average (1 min) at start | {Measurement.LoadAverage():0.00} |");
        md.AppendLine();
    }
}
