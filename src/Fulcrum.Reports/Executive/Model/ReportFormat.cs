namespace Fulcrum.Reports.Executive.Model;

/// <summary>The files the report is written as.</summary>
public enum ReportFormat { Html, Pdf, Xlsx }

public static class ReportFormats
{
    public static readonly IReadOnlyList<ReportFormat> All = [ReportFormat.Html, ReportFormat.Pdf, ReportFormat.Xlsx];

    public static string Extension(this ReportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(this ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Parses "html,pdf,xlsx" (any order, any case).</summary>
    public static IReadOnlyList<ReportFormat> Parse(string text)
    {
        var formats = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Enum.TryParse<ReportFormat>(f, ignoreCase: true, out var format) && !int.TryParse(f, out _)
                ? format
                : throw new ArgumentException($"Unknown report format '{f}'. Use html, pdf and/or xlsx, comma-separated.", "formats"))
            .Distinct().ToList();
        return formats.Count > 0 ? formats : throw new ArgumentException("Name at least one report format: html, pdf or xlsx.", "formats");
    }
}
