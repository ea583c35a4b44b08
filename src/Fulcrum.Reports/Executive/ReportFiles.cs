using Fulcrum.Reports.Executive.Html;
using Fulcrum.Reports.Executive.Model;
using Fulcrum.Reports.Executive.Pdf;
using Fulcrum.Reports.Executive.Xlsx;

namespace Fulcrum.Reports.Executive;

/// <summary>Writes the report in the requested formats into a folder: cx-value-report-2025Q4.html, .pdf, .xlsx.</summary>
public static class ReportFiles
{
    public static string BaseName(ExecutiveReport report) => $"cx-value-report-{report.Period.Label}";

    /// <summary>The report's files already in <paramref name="directory"/> (after a write that stopped at the PDF).</summary>
    public static IReadOnlyList<(ReportFormat Format, string Path)> Existing(ExecutiveReport report, string directory) =>
        ReportFormats.All.Select(f => (f, Path.Combine(Path.GetFullPath(directory), $"{BaseName(report)}.{f.Extension()}"))).Where(x => File.Exists(x.Item2)).ToList();

    /// <returns>The path written for each format.</returns>
    public static async Task<IReadOnlyList<(ReportFormat Format, string Path)>> WriteAsync(ExecutiveReport report, IReadOnlyList<ReportFormat> formats, string directory,
        string chromium = ReportPdf.DefaultChromium, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        var html = ReportHtml.Render(report);
        var written = new List<(ReportFormat, string)>();
        // PDF last: it needs Chromium, and the other files are written even when it is missing.
        foreach (var format in formats.OrderBy(f => f == ReportFormat.Pdf))
        {
            var path = Path.Combine(Path.GetFullPath(directory), $"{BaseName(report)}.{format.Extension()}");
            // Written beside the target and moved into place, so a reader never sees half a file.
            var partial = path + ".partial";
            switch (format)
            {
                case ReportFormat.Html:
                    await File.WriteAllTextAsync(partial, html, cancellation);
                    break;
                case ReportFormat.Pdf:
                    await ReportPdf.WriteAsync(html, report.Title, partial, chromium, cancellation);
                    break;
                case ReportFormat.Xlsx:
                    await using (var stream = File.Create(partial)) ReportWorkbook.Write(report, stream);
                    break;
            }
            File.Move(partial, path, overwrite: true);
            written.Add((format, path));
        }
        return written;
    }
}
