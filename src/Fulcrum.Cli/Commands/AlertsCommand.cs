using System.Globalization;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Cli.Commands;

[Description("Watch metric series per segment (or any dimension) with control charts (EWMA and CUSUM); store new alerts once, list them with the evidence, optionally post the new ones to a webhook.")]
public sealed class AlertsCommand : AsyncCommand<AlertsCommand.Settings>
{
    public sealed class Settings : AnalysisSettings
    {
        [CommandOption("--metric <NAMES>")]
        [Description("Comma-separated metrics to watch: nps, csat, ces, contacts_per_account, handle_minutes, first_contact_resolution, reopen_rate, cost_to_serve, share:DIM=VALUE. Default: the survey metric customers answered, NPS where they gave it, else CSAT, else CES (as analyze).")]
        public string? Metric { get; init; }

        [CommandOption("--by <DIMS>")]
        [Description("Comma-separated dimensions, each scanned on its own (one series per value): segment, region, industry, product_count, products, account_managers, tenure_band, arr_band, attr:NAME, rattr:NAME.")]
        [DefaultValue("segment")]
        public string By { get; init; } = "segment";

        [CommandOption("--method <METHOD>")]
        [Description("Control chart: ewma (gradual or lasting shifts), cusum (sustained shifts, with when they began) or both.")]
        [DefaultValue("both")]
        public string Method { get; init; } = "both";

        [CommandOption("--min-n <N>")]
        [Description("Leave out periods with fewer observations than this (responses, accounts or tickets).")]
        [DefaultValue(30L)]
        public long MinN { get; init; } = 30;

        [CommandOption("--baseline-periods <N>")]
        [Description("How many leading periods of each series set its baseline level and spread (at least 2).")]
        [DefaultValue(4)]
        public int BaselinePeriods { get; init; } = 4;

        [CommandOption("--lambda <LAMBDA>")]
        [Description("EWMA weight of the newest period, above 0 and at most 1; smaller values react to smaller, slower shifts.")]
        [DefaultValue(0.2)]
        public double Lambda { get; init; } = 0.2;

        [CommandOption("--false-alarm-rate <RATE>")]
        [Description("Stated false-alarm rate: the probability that a scan of series with no real change raises any alert. The EWMA and CUSUM limits are set from it, split evenly over the series and charts.")]
        [DefaultValue(0.05)]
        public double FalseAlarmRate { get; init; } = 0.05;

        [CommandOption("--ewma-width <L>")]
        [Description("EWMA control limits at ± this many standard deviations of the EWMA, instead of the width set from --false-alarm-rate (then the EWMA's false alarms are not controlled).")]
        public double? EwmaWidth { get; init; }

        [CommandOption("--cusum-k <K>")]
        [Description("CUSUM reference value in standard deviations (half the shift to detect).")]
        [DefaultValue(0.5)]
        public double CusumK { get; init; } = 0.5;

        [CommandOption("--cusum-h <H>")]
        [Description("CUSUM decision limit in standard deviations, instead of the limit set from --false-alarm-rate (then the CUSUM's false alarms are not controlled).")]
        public double? CusumH { get; init; }

        [CommandOption("--webhook <URL>")]
        [Description("Post the new (not yet reported) alerts as a JSON array to this http(s) URL; 10 s timeout, one retry on 5xx or timeout. Credentials and query strings are never printed.")]
        public string? Webhook { get; init; }

        [CommandOption("--webhook-secret <SECRET>")]
        [Description("Sign the webhook body: header X-Fulcrum-Signature: sha256=HMAC-SHA256(secret, body) in hex. Prefer the FULCRUM_WEBHOOK_SECRET environment variable, which is used when this option is absent.")]
        public string? WebhookSecret { get; init; }

        /// <param name="metrics">--metric, or the store's survey metric when it was not given.</param>
        public AlertOptions Options(string metrics) => new()
        {
            Metrics = CliLists.Split(metrics),
            Dimensions = CliLists.Split(By),
            Period = PeriodUnit,
            From = FromDate,
            To = ToDate,
            Methods = Method.Trim().ToLowerInvariant() switch
            {
                "ewma" => [AlertMethod.Ewma],
                "cusum" => [AlertMethod.Cusum],
                "both" => [AlertMethod.Ewma, AlertMethod.Cusum],
                _ => throw new ArgumentException($"Unknown method '{Method}'. Use ewma, cusum or both."),
            },
            MinN = MinN,
            BaselinePeriods = BaselinePeriods,
            Lambda = Lambda,
            FalseAlarmRate = FalseAlarmRate,
            L = EwmaWidth,
            K = CusumK,
            H = CusumH,
        };

        public Uri? WebhookUri => Webhook is null ? null
            : Uri.TryCreate(Webhook, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
            : throw new ArgumentException("--webhook must be an absolute http or https URL.");

        public string? Secret => !string.IsNullOrEmpty(WebhookSecret) ? WebhookSecret
            : Environment.GetEnvironmentVariable(AlertWebhook.SecretVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

        public override ValidationResult Validate() => OptionCheck.Run(base.Validate(), () =>
        {
            // Without --metric the store decides; the other options are checked as for NPS.
            Options(Metric ?? "nps").Validate();
            _ = WebhookUri;
            if (WebhookSecret is not null && Webhook is null) throw new ArgumentException("--webhook-secret needs --webhook.");
        });
    }

    /// <summary>The --json output: the scan and, with --webhook, what happened to the delivery.</summary>
    public sealed record Output(AlertScanResult Scan, WebhookDelivery? Webhook);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = FulcrumStore.Open(settings.Db);
        var options = settings.Options(settings.Metric ?? PrimarySurveyMetric.Of(store) ?? "nps");
        var scan = settings.Json
            ? AlertScan.Run(new AnalysisFacts(store), options)
            : AnsiConsole.Status().Start("Charting the series…", _ => AlertScan.Run(new AnalysisFacts(store), options));
        var unreported = scan.Unreported.Count;

        // With --webhook an alert stays new until the webhook has accepted it; without, listing it reports it.
        WebhookDelivery? delivery = null;
        if (settings.WebhookUri is { } url)
            delivery = await AlertWebhook.DeliverAsync(store, scan, url, settings.Secret, cancellationToken: cancellationToken);
        else
            AlertStore.MarkReported(store, scan, DateTime.UtcNow);

        Print.JsonOrTables(settings.Json, new Output(scan, delivery), output => AlertsView.Render(output.Scan, output.Webhook));

        if (delivery is { Succeeded: false })
        {
            var error = new StringWriter(CultureInfo.InvariantCulture);
            error.WriteLine($"Error: {delivery.Message}");
            error.WriteLine($"The {unreported} alert(s) are stored and stay new; the next `fulcrum alerts --webhook` will post them again.");
            await Console.Error.WriteAsync(error.ToString());
            return 1;
        }

        return 0;
    }
}
