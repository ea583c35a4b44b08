using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Value;
using Fulcrum.Data.Store;

namespace Fulcrum.Reports.Executive.Model;

/// <summary>One point of the executive summary: a topic and its plain sentences, each figure with its interval.</summary>
public sealed record SummaryPoint(string Topic, IReadOnlyList<string> Sentences);

/// <summary>A section the data cannot fill, and what data would fill it (shown instead of the section, never as $0).</summary>
public sealed record MissingSection(string Section, string Reason);

/// <summary>A comment that raised a theme, as customers wrote it, with the score its answer gave.</summary>
public sealed record ThemeQuote(string ThemeId, string Comment, int? Nps, DateOnly Day, double? Csat = null)
{
    /// <summary>The answer's score in words: NPS where given, else CSAT (a shop asks for CSAT only), else that none was.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Score => Nps is { } nps ? $"NPS {nps}" : Csat is { } csat ? "CSAT " + csat.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "no score given";
}

/// <summary>Rows and date range of one table in the store.</summary>
public sealed record TableCoverage(string Table, long Rows, DateOnly? From, DateOnly? To);

/// <summary>
/// The CX value report of one quarter: the executive summary and the results of the analyses behind each section, exactly
/// as the CLI and API compute them (a null section is listed in <see cref="Missing"/> with the data that would fill it).
/// </summary>
public sealed record ExecutiveReport(
    ReportPeriod Period,
    ReportPeriod ComparedWith,
    CompareWith Comparison,
    DateTime GeneratedAt,
    string Source,
    IReadOnlyList<SummaryPoint> Summary,
    MetricsReport? Trends,
    GrowthCheckReport? Growth,
    BusinessCaseReport? BusinessCase,
    IReadOnlyList<FundableLever> Levers,
    ThemeImpactReport? Themes,
    IReadOnlyList<ThemeQuote> Quotes,
    ValueReport? Value,
    IReadOnlyList<AssumptionValue> Assumptions,
    IReadOnlyList<TableCoverage> Coverage,
    IReadOnlyList<MissingSection> Missing,
    IReadOnlyList<string> Warnings)
{
    public string Title => $"CX value report {Period.Label}";

    /// <summary>
    /// A business that sells by order (orders, no renewal decisions): what satisfaction is worth in repeat purchase, the lever
    /// `fulcrum business-case` values for it (<see cref="Analytics.BusinessCase.BusinessCaseBasis"/>); null otherwise.
    /// </summary>
    public Analytics.Transactions.RepeatPurchaseReport? RepeatPurchase { get; init; }

    /// <summary>Why the quarter is not simply the one of the latest answer (answers dated after today were passed over); null otherwise.</summary>
    public string? PeriodNote { get; init; }

    /// <summary>The first and last day of survey data (the README sheet states it), or null without responses.</summary>
    public (DateOnly From, DateOnly To)? DataRange =>
        Coverage.FirstOrDefault(c => c.Table == "responses") is { From: { } from, To: { } to } ? (from, to) : null;

    public string? WhyMissing(string section) => Missing.FirstOrDefault(m => m.Section == section)?.Reason;
}
