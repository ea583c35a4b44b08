using Fulcrum.Cli.Commands;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fulcrum.Cli;

/// <summary>Registers the commands; each command lives in its own class under Commands/.</summary>
public static class FulcrumApp
{
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("fulcrum");
            config.SetExceptionHandler((exception, _) =>
            {
                AnsiConsole.MarkupLine($"[red]Error:[/] {Markup.Escape(Describe(exception))}");
                return exception is CommandAppException ? 64 : 1;
            });
            config.AddCommand<DemoCommand>("demo")
                .WithExample("demo").WithExample("demo", "--accounts", "20000", "--seed", "7");
            config.AddCommand<GenerateCommand>("generate")
                .WithExample("generate", "--accounts", "100000", "--years", "3", "--seed", "42", "--db", "big.duckdb");
            config.AddCommand<ImportCommand>("import")
                .WithExample("import", "responses", "answers.csv")
                .WithExample("import", "all", "Telco_customer_churn_status.csv", "--mapping", "mappings/ibm-telco.yaml", "--dry-run");
            config.AddCommand<StatusCommand>("status");
            config.AddCommand<DrillDownCommand>("drilldown")
                .WithExample("drilldown").WithExample("drilldown", "--metric", "csat", "--depth", "2");
            config.AddCommand<GrowthCheckCommand>("growth-check")
                .WithExample("growth-check")
                .WithExample("growth-check", "--before", "2023-01-01:2023-12-31", "--after", "2025-01-01:2025-12-31", "--by", "product_count");
            config.AddCommand<MetricsCommand>("metrics")
                .WithExample("metrics").WithExample("metrics", "--by", "segment,product_count", "--period", "year")
                .WithExample("metrics", "--metric", "nps", "--weight", "arr", "--json");
            config.AddCommand<CohortsCommand>("cohorts")
                .WithExample("cohorts").WithExample("cohorts", "--window-months", "6", "--third").WithExample("cohorts", "--json");
            config.AddCommand<AlertsCommand>("alerts")
                .WithExample("alerts").WithExample("alerts", "--by", "segment,region", "--method", "cusum")
                .WithExample("alerts", "--metric", "nps,csat", "--min-n", "50", "--webhook", "https://hooks.example.com/fulcrum");
            config.AddCommand<ServeCommand>("serve")
                .WithExample("serve").WithExample("serve", "--db", "big.duckdb", "--urls", "http://127.0.0.1:8080");
            config.AddCommand<RejectsCommand>("rejects").WithExample("rejects").WithExample("rejects", "imp-20261125-101500-a1b2c3");
        });
        return app.Run(args);
    }

    static string Describe(Exception exception) => exception switch
    {
        ImportException or MappingException or SourceFormatException or StoreException => exception.Message,
        CommandAppException => exception.Message,
        _ => $"{exception.Message} ({exception.GetType().Name})",
    };
}
