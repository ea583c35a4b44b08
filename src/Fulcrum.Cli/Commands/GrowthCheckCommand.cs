using System.Globalization;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;

namespace Fulcrum.Cli.Commands;

[Description("Trouble hidden under growth: splits a metric's change between two periods into mix (the customer base changed) and rate (change within segments), then scans every segment and pair of segments against the rest with false-discovery-rate control, ranked by ARR exposed.")]
public sealed class GrowthCheckCommand : StoreCommand<GrowthCheckCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--metric <NAME>")]
        [Description("nps, csat, ces or share:DIM=VALUE. Default: the survey metric the answers mostly hold (NPS, else CSAT, else CES, among those with at least half the answers of the most-answered; as analyze).")]
        public string? Metric { get; init; }

        [CommandOption("--by <DIM>")]
        [Description("Dimension for the mix/rate decomposition. Default: segment, or when every answer has the same segment (or none) the first of region, industry, product_count, account_managers, tenure_band, arr_band with two or more groups.")]
        public string? By { get; init; }

        [CommandOption("--before <RANGE>")]
        [Description("First period as FROM:TO (yyyy-MM-dd:yyyy-MM-dd). Default: the first full year of surveys.")]
        public string? Before { get; init; }

        [CommandOption("--after <RANGE>")]
        [Description("Second period as FROM:TO. Default: the last year of surveys.")]
        public string? After { get; init; }

        [CommandOption("--scan <DIMS>")]
        [Description("Comma-separated dimensions to scan (default: segment, region, industry, product_count, account_managers, tenure_band, arr_band).")]
        public string? Scan { get; init; }

        [CommandOption("--no-pairs")]
        [Description("Scan single dimension values only, not pairs.")]
        public bool NoPairs { get; init; }

        [CommandOption("--min-n <N>")]
        [Description("Minimum responses per segment and period to test it.")]
        [DefaultValue(50)]
        public int MinN { get; init; } = 50;

        [CommandOption("--fdr <Q>")]
        [Description("False discovery rate for the scan (Benjamini–Hochberg).")]
        [DefaultValue(0.05)]
        public double Fdr { get; init; } = 0.05;

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }

        /// <summary>The options on <paramref name="metric"/> (the one asked for, or the store's survey metric).</summary>
        public GrowthCheckOptions Options(string metric) => new(metric, By, Range(Before, "before"), Range(After, "after"),
            CliLists.Split(Scan), !NoPairs, MinN, Fdr);

        public override ValidationResult Validate() => OptionCheck.Run(() =>
        {
            if ((Before is null) != (After is null)) throw new ArgumentException("Give both --before and --after, or neither.");
            if (Fdr is <= 0 or >= 1) throw new ArgumentException("--fdr must be between 0 and 1.");
            if (MinN < 5) throw new ArgumentException("--min-n must be at least 5.");
            var options = Options(Metric ?? "nps");
            if (Metric is not null) Analytics.Metrics.MetricDefinition.Resolve(Metric);
            if (options.By is { } by) Dimension.Resolve(by);
            foreach (var d in options.ScanDimensions ?? []) Dimension.Resolve(d);
        });

        static PeriodRange? Range(string? text, string label)
        {
            if (text is null) return null;
            var parts = text.Split(':');
            if (parts.Length != 2
                || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                || to < from)
                throw new FormatException($"--{label} must be FROM:TO with dates yyyy-MM-dd, FROM not after TO (got '{text}').");
            return new PeriodRange($"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", from, to);
        }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        // Nothing to compare is an absent result, not a failure: say what to import.
        if (store.Count("responses") == 0)
            return MissingDataView.Render(new MissingDataException("No survey responses on record, so there is nothing to compare between periods.",
                ["survey responses: fulcrum import responses FILE"]), settings.Json);
        // The survey metric customers answered unless one is asked for; one nobody answered is refused with what the store has.
        var onRecord = PrimarySurveyMetric.OnRecord(store);
        var asked = settings.Metric?.Trim();
        var choice = PrimarySurveyMetric.Choose(store);
        var metric = asked is null ? choice.Metric
            : PrimarySurveyMetric.All.FirstOrDefault(m => m.Equals(asked, StringComparison.OrdinalIgnoreCase)) ?? asked;
        if (metric is null || (onRecord.Count == 0 && PrimarySurveyMetric.All.Contains(metric)))
            return MissingDataView.Render(new MissingDataException("No survey scores (NPS, CSAT or CES) on record, so there is nothing to compare between periods.",
                ["survey responses with an nps, csat or ces column: fulcrum import responses FILE"]), settings.Json);
        if (PrimarySurveyMetric.All.Contains(metric) && !onRecord.Contains(metric))
            return MissingDataView.Render(new MissingDataException(
                $"{SurveyMetricNames.NotAnswered(metric, onRecord)}: run with --metric {onRecord[0]}.",
                [$"survey responses with {SurveyMetricNames.WithArticle(metric)} column: fulcrum import responses FILE"]), settings.Json);
        try
        {
            var report = GrowthCheck.Run(new AnalysisFacts(store), settings.Options(metric)) with { MetricChoice = asked is null ? choice.Explanation : null };
            return Print.JsonOrTables(settings.Json, report, GrowthCheckView.Render);
        }
        catch (MissingDataException missing)
        {
            // All answers on one date, or a period without any: no figures, the reason.
            return MissingDataView.Render(missing, settings.Json);
        }
    }
}
