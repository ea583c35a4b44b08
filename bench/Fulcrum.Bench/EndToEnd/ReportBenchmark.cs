using System.Diagnostics;
using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive;
using Fulcrum.Reports.Executive.Html;
using Fulcrum.Reports.Executive.Model;
using Fulcrum.Reports.Executive.Pdf;
using Fulcrum.Reports.Executive.Xlsx;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// Times `fulcrum report` on an existing store: the analyses behind it (metrics, growth-check, business case, theme impact,
/// value), then rendering each format (HTML, XLSX, PDF through Chromium) — the part the report adds beyond the analyses.
/// </summary>
public static class ReportBenchmark
{
    public static async Task<int> Run(string[] args)
    {
        var i = Array.IndexOf(args, "--db");
        var db = i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException("--db PATH is required.");
        var o = Array.IndexOf(args, "--out");
        var output = o >= 0 && o + 1 < args.Length ? args[o + 1] : null;
        if (!File.Exists(db)) { Console.Error.WriteLine($"No database at {db}."); return 2; }

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var folder = Directory.CreateTempSubdirectory("fulcrum-report-bench-").FullName;
        using var store = FulcrumStore.Open(db);
        var rows = new List<(string Step, double Seconds)>();
        async Task<T> Time<T>(string step, Func<Task<T>> action)
        {
            var watch = Stopwatch.StartNew();
            var result = await action();
            rows.Add((step, watch.Elapsed.TotalSeconds));
            Console.WriteLine($"{step}: {watch.Elapsed.TotalSeconds:F2} s");
            return result;
        }

        var report = await Time("analyses (metrics, growth-check, business case, theme impact, value)",
            () => Task.FromResult(ExecutiveReportBuilder.Build(new AnalysisFacts(store), new ReportRequest(), Path.GetFileName(db))));
        var html = await Time("HTML (inline SVG charts)", () => Task.FromResult(ReportHtml.Render(report)));
        await Time("XLSX (ClosedXML)", () =>
        {
            using var stream = File.Create(Path.Combine(folder, "report.xlsx"));
            ReportWorkbook.Write(report, stream);
            return Task.FromResult(stream.Length);
        });
        await Time("PDF (headless Chromium)", async () => { await ReportPdf.WriteAsync(html, report.Title, Path.Combine(folder, "report.pdf")); return 0; });
        var rendering = rows.Skip(1).Sum(r => r.Seconds);
        var sizes = Directory.GetFiles(folder).Select(f => $"{Path.GetExtension(f)} {new FileInfo(f).Length / 1024.0:N0} KiB").Append($".html {html.Length / 1024.0:N0} KiB").ToList();
        Directory.Delete(folder, recursive: true);

        var c = CultureInfo.InvariantCulture;
        var md = new System.Text.StringBuilder();
        md.AppendLine(c, $"\n## Executive report on {store.Count("accounts"):N0} accounts / {store.Count("responses"):N0} responses, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        md.AppendLine(c, $"```\ndotnet run -c Release --project bench/Fulcrum.Bench -- report --db {Path.GetFileName(db)}\n```\n");
        md.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores (shared), load average at start {load}. Period {report.Period.Label}; files: {string.Join(", ", sizes)}.\n");
        md.AppendLine("| step | seconds |\n|---|---:|");
        foreach (var (step, seconds) in rows) md.AppendLine(c, $"| {step} | {seconds:F2} |");
        md.AppendLine(c, $"| **rendering all three formats (beyond the analyses)** | **{rendering:F2}** |\n");
        Console.WriteLine(md);
        if (output is not null) File.AppendAllText(output, md.ToString());
        return 0;
    }
}
