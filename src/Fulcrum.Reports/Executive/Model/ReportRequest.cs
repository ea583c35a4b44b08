namespace Fulcrum.Reports.Executive.Model;

/// <summary>What to report: a quarter (null: the latest quarter with survey data) compared with the quarter before or a year earlier.</summary>
public sealed record ReportRequest(ReportPeriod? Period = null, CompareWith Comparison = CompareWith.Year);
