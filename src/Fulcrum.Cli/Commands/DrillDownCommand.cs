using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Segments;

namespace Fulcrum.Cli.Commands;

[Description("Top NPS (or another survey metric), split by the dimension that explains most of its variation, down to 3 levels; each node with its value, CI, n and ARR.")]
public sealed class DrillDownCommand : StoreCommand<DrillDownCommand.Settings>
{
    public sealed class Settings : AnalysisSettings
    {
        [CommandOption("--metric <NAME>")]
        [Description("nps, csat, ces or share:DIM=VALUE. Default: the survey metric customers answered, NPS where they gave it, else CSAT, else CES (as analyze).")]
        public string? Metric { get; init; }

        [CommandOption("--dimensions <DIMS>")]
        [Description("Comma-separated candidate dimensions (default: segment, region, industry, product_count, account_managers, tenure_band, arr_band).")]
        public string? Dimensions { get; init; }

        [CommandOption("--depth <N>")]
        [Description("Levels below the top (1-5).")]
        [DefaultValue(3)]
        public int Depth { get; init; } = 3;

        [CommandOption("--min-n <N>")]
        [Description("Smallest group shown on its own.")]
        [DefaultValue(30)]
        public int MinN { get; init; } = 30;

        /// <param name="metric">--metric, or the store's survey metric when it was not given.</param>
        public DrillOptions Options(string metric) => new(metric,
            CliLists.Split(Dimensions), Depth, MinN, 8, FromDate, ToDate);

        public override ValidationResult Validate() => OptionCheck.Run(base.Validate(), () =>
        {
            if (Depth is < 1 or > 5) throw new ArgumentException("--depth must be 1 to 5.");
            if (MinN < 5) throw new ArgumentException("--min-n must be at least 5.");
            if (Metric is not null) Analytics.Metrics.MetricDefinition.Resolve(Metric);
            foreach (var d in CliLists.Split(Dimensions) ?? []) Dimension.Resolve(d);
        });
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var metric = settings.Metric ?? PrimarySurveyMetric.Of(store) ?? "nps";
        return Print.JsonOrTables(settings.Json, DrillDown.Run(new AnalysisFacts(store), settings.Options(metric)), root => DrillDownView.Render(root, metric));
    }
}
