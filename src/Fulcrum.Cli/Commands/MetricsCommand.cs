using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Cli.Commands;

[Description("NPS, CSAT, CES and service metrics (contacts per account, handle time, first-contact resolution, reopen rate, cost to serve) over time and by any dimension, with confidence intervals, n and significance tests.")]
public sealed class MetricsCommand : StoreCommand<MetricsCommand.Settings>
{
    public sealed class Settings : AnalysisSettings
    {
        [CommandOption("--by <DIMS>")]
        [Description("Comma-separated dimensions: account, segment, region, industry, product_count, products, account_managers, tenure_band, arr_band, attr:NAME (account attribute), rattr:NAME (response attribute).")]
        public string? By { get; init; }

        [CommandOption("--metric <NAMES>")]
        [Description("Comma-separated metrics (default: all with data): nps, csat, ces, contacts_per_account, handle_minutes, first_contact_resolution, reopen_rate, cost_to_serve, share:DIM=VALUE.")]
        public string? Metric { get; init; }

        [CommandOption("--weight <W>")]
        [Description("response (each answer counts once), account (each account once per period) or arr (by ARR).")]
        [DefaultValue("response")]
        public string Weight { get; init; } = "response";

        [CommandOption("--no-cluster")]
        [Description("Treat every answer as independent, even several from one account (by default intervals are cluster-robust by account where an account answered more than once).")]
        public bool NoCluster { get; init; }

        [CommandOption("--min-n <N>")]
        [Description("Cells with fewer observations are shown but never tested or flagged.")]
        [DefaultValue(MetricsQuery.DefaultMinTestN)]
        public long MinN { get; init; } = MetricsQuery.DefaultMinTestN;

        public MetricsQuery Query => new(CliLists.Split(Metric) ?? [], CliLists.Split(By) ?? [], PeriodUnit, FromDate, ToDate,
            Enum.TryParse<MetricWeight>(Weight, ignoreCase: true, out var w) ? w : throw new ArgumentException($"Unknown weight '{Weight}'. Use response, account or arr."),
            ClusterByAccount: !NoCluster, MinTestN: MinN >= 2 ? MinN : throw new ArgumentException("--min-n must be at least 2."));

        public override ValidationResult Validate() => OptionCheck.Run(base.Validate(), () =>
        {
            var query = Query;
            foreach (var d in query.By) Dimension.Resolve(d);
            foreach (var m in query.Metrics) MetricDefinition.Resolve(m);
        });
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, MetricsAnalysis.Run(new AnalysisFacts(store), settings.Query), MetricsReportView.Render);
}
