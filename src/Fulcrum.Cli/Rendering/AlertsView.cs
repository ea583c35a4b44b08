using System.Globalization;
using Fulcrum.Analytics.Alerts;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Cli.Rendering;

/// <summary>Console view of an alert scan: the alerts (new ones highlighted) with their evidence, the series watched, the webhook outcome.</summary>
public static class AlertsView
{
    public static void Render(AlertScanResult scan, WebhookDelivery? delivery)
    {
        var options = scan.Options;
        AnsiConsole.Write(new Rule(
            $"[bold]Alerts[/]: {Markup.Escape(string.Join(", ", options.Metrics))} by {Markup.Escape(string.Join(", ", options.Dimensions))} per {options.Period.ToString().ToLowerInvariant()}")
            .LeftJustified());

        if (scan.Series.Count == 0)
            AnsiConsole.MarkupLine("[yellow]No data for these metrics.[/] Import responses or tickets first (`fulcrum status` shows what is loaded).");
        else if (scan.Alerts.Count == 0)
            AnsiConsole.MarkupLine($"[green]No alerts.[/] {scan.Series.Count} series watched; none left its baseline.");
        else
            RenderAlerts(scan);

        if (scan.Series.Count > 0) RenderSeries(scan);
        foreach (var note in scan.Notes) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note)}[/]");

        if (delivery is not null)
            AnsiConsole.MarkupLine(delivery.Succeeded
                ? $"[green]Webhook:[/] {Markup.Escape(delivery.Message)}"
                : $"[red]Webhook failed:[/] {Markup.Escape(delivery.Message)}");
    }

    static void RenderAlerts(AlertScanResult scan)
    {
        var fresh = scan.Unreported.Count;
        AnsiConsole.MarkupLine(fresh > 0
            ? $"[bold yellow]{fresh} new[/] of {scan.Alerts.Count} alert(s) ([bold yellow]NEW[/] = not reported before)."
            : $"{scan.Alerts.Count} alert(s), none new.");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("", "period", "series", "chart", "shift", "value (95% CI)", "baseline", "first seen");
        var ordered = scan.Alerts.OrderByDescending(a => a.Status == AlertStatus.New).ThenByDescending(a => a.Alert.Period)
            .ThenBy(a => a.Alert.Group, StringComparer.Ordinal).ThenBy(a => a.Alert.Method).ToList();
        foreach (var record in ordered)
        {
            var a = record.Alert;
            var metric = MetricDefinition.Resolve(a.Metric);
            var isNew = record.Status == AlertStatus.New;
            var shift = a.Direction == ShiftDirection.Up ? "[green]▲ up[/]" : "[red]▼ down[/]";
            string Cell(string text) => isNew ? $"[bold]{text}[/]" : text;
            table.AddRow(
                isNew ? "[bold yellow]NEW[/]" : "[grey]seen[/]",
                Cell(Markup.Escape(a.PeriodLabel)),
                Cell(Markup.Escape(SeriesName(scan.Options, a.Metric, a.Dimension, a.Group))),
                a.Method.ToString().ToUpperInvariant() + (a.ChangeStart is { } start && start != a.PeriodLabel ? $" (since {Markup.Escape(start)})" : ""),
                shift,
                $"{AlertScan.Format(metric, a.Value)} ({AlertScan.Format(metric, a.Lower)}–{AlertScan.Format(metric, a.Upper)})",
                AlertScan.Format(metric, a.Expected),
                record.FirstSeenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);

        AnsiConsole.MarkupLine("[bold]Evidence[/]");
        foreach (var record in ordered)
        {
            var marker = record.Status == AlertStatus.New ? "[bold yellow]NEW[/] " : "";
            AnsiConsole.MarkupLine($" • {marker}{Markup.Escape(record.Alert.Evidence)} [grey]({Markup.Escape(record.Alert.AlertId)})[/]");
        }
    }

    /// <summary>"segment = Mid-Market", prefixed by the metric when several metrics are watched.</summary>
    static string SeriesName(AlertOptions options, string metric, string dimension, string group) =>
        (options.Metrics.Count > 1 ? metric + " · " : "") + $"{dimension} = {group}";

    static void RenderSeries(AlertScanResult scan)
    {
        var table = new Table().Border(TableBorder.Simple).Title("[grey]Series watched[/]")
            .AddColumns("series", "periods", "baseline level, τ (spread beyond sampling error)", "latest", "alerts");
        foreach (var s in scan.Series)
        {
            var metric = MetricDefinition.Resolve(s.Metric);
            var latest = s.Latest is { IsDefined: true } e && s.LatestPeriod is { } label ? $"{AlertScan.Format(metric, e.Value)} in {label}" : "—";
            var baseline = s.Skipped is { } why
                ? $"[grey]skipped: {Markup.Escape(why)}[/]"
                : $"{AlertScan.Format(metric, s.BaselineMean)}, τ = {AlertScan.Format(metric, s.BaselineSigma)} ({Markup.Escape(s.BaselineFrom ?? "")}..{Markup.Escape(s.BaselineTo ?? "")})";
            table.AddRow(Markup.Escape(SeriesName(scan.Options, s.Metric, s.Dimension, s.Group)), s.Periods.ToString(CultureInfo.InvariantCulture), baseline,
                Markup.Escape(latest), s.Alerts == 0 ? "[grey]0[/]" : $"[bold]{s.Alerts}[/]");
        }
        AnsiConsole.Write(table);
    }
}
