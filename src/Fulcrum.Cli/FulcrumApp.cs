using Fulcrum.Analytics.Value.ClosedLoop;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Cli.Commands;
using Fulcrum.Cli.Commands.Value;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Cli;

/// <summary>Registers the commands; each command lives in its own class under Commands/ (those working on the --db store derive from StoreCommand).</summary>
public static class FulcrumApp
{
    /// <summary>This build's informational version (the package version and the commit it was built from).</summary>
    public static string Version => typeof(FulcrumApp).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("fulcrum");
            // `fulcrum --version` prints the build's version (with its commit), as users and bug reports expect.
            config.SetApplicationVersion(Version);
            // An option or argument the command does not know is an error, never silently ignored.
            config.UseStrictParsing();
            config.SetExceptionHandler((exception, _) =>
            {
                AnsiConsole.MarkupLine($"[red]Error:[/] {Markup.Escape(Describe(exception))}");
                return ExitCode(exception);
            });
            config.AddCommand<DemoCommand>("demo")
                .WithExample("demo").WithExample("demo", "--accounts", "20000", "--seed", "7");
            config.AddCommand<GenerateCommand>("generate")
                .WithExample("generate", "--accounts", "100000", "--years", "3", "--seed", "42", "--db", "big.duckdb");
            config.AddCommand<ImportCommand>("import")
                .WithExample("import", "responses", "answers.csv")
                .WithExample("import", "all", "Telco_customer_churn_status.csv", "--mapping", "mappings/ibm-telco.yaml", "--dry-run");
            config.AddCommand<StatusCommand>("status");
            config.AddCommand<MapCommand>("map")
                .WithExample("map", "export.csv").WithExample("map", "reviews.csv", "--out", "reviews.yaml");
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
            config.AddCommand<LinkageCommand>("linkage")
                .WithExample("linkage").WithExample("linkage", "--soft", "nps,ces", "--resamples", "2000", "--confidence", "0.95")
                .WithExample("linkage", "--json")
                .WithExample("linkage", "--outcome", "churn", "--controls", "attr:Tenure in Months,C(attr:Contract)");
            config.AddCommand<ModelCommand>("model")
                .WithExample("model", "churn ~ attr:Tenure in Months + attr:Monthly Charge + attr:Number of Referrals + C(attr:Contract)")
                .WithExample("model", "tickets ~ ces + C(segment)", "--json");
            config.AddCommand<RepeatPurchaseCommand>("repeat-purchase")
                .WithExample("repeat-purchase").WithExample("repeat-purchase", "--window-days", "90", "--json");
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithExample("analyze").WithExample("analyze", "--fast", "--json");
            config.AddCommand<BusinessCaseCommand>("business-case")
                .WithExample("business-case").WithExample("business-case", "--out", "reports/q3-business-case")
                .WithExample("business-case", "--json");
            config.AddBranch("store", branch =>
            {
                branch.SetDescription("Move a store between DuckDB and PostgreSQL, and prepare PostgreSQL for Citus.");
                branch.AddCommand<StoreCopyCommand>("copy")
                    .WithExample("store", "copy", "--from", "fulcrum.duckdb", "--to", "postgres://fulcrum@db.internal:5432/fulcrum")
                    .WithExample("store", "copy", "--from", "postgres://fulcrum@db.internal/fulcrum", "--to", "backup.duckdb");
                branch.AddCommand<StoreDistributeCommand>("distribute")
                    .WithExample("store", "distribute", "--db", "postgres://fulcrum@coordinator.internal/fulcrum", "--dry-run");
            });
            config.AddBranch("assumptions", assumptions =>
            {
                assumptions.SetDescription("List and change the assumptions behind every money figure.");
                assumptions.AddCommand<AssumptionsListCommand>("list").WithExample("assumptions", "list");
                assumptions.AddCommand<AssumptionsSetCommand>("set").WithExample("assumptions", "set", "cost_per_agent_hour", "52");
                assumptions.AddCommand<AssumptionsResetCommand>("reset").WithExample("assumptions", "reset", "gross_margin");
            });
            config.AddCommand<DriversCommand>("drivers")
                .WithExample("drivers")
                .WithExample("drivers", "--outcome", "nps", "--predictors", "ces,tickets,reopen_rate,products", "--method", "shapley")
                .WithExample("drivers", "--outcome", "csat", "--predictors", "tenure_months,log_arr,products,attr:Age", "--json")
                .WithExample("drivers", "--level", "account-period", "--from", "2025-01-01")
                .WithExample("drivers", "--within-account", "--predictors", "products,ces,tickets,tenure_months");
            config.AddBranch("initiatives", branch =>
            {
                branch.SetDescription("The CX initiatives registry and each initiative's measured impact.");
                branch.AddCommand<InitiativesAddCommand>("add")
                    .WithExample("initiatives", "add", "INIT-CALLBACK", "--name", "Detractor callback", "--kind", "quick_win", "--start", "2024-01-01", "--cost", "60000", "--target", "region = 'EMEA'");
                branch.AddCommand<InitiativesListCommand>("list").WithExample("initiatives", "list");
                branch.AddCommand<InitiativesShowCommand>("show").WithExample("initiatives", "show", "INIT-QW-CALLBACK").WithExample("initiatives", "show", "INIT-LT-ONE-TEAM", "--json");
                branch.AddCommand<InitiativesCloseCommand>("close").WithExample("initiatives", "close", "INIT-CALLBACK", "--end", "2025-06-30");
                branch.AddCommand<InitiativesImportCommand>("import").WithExample("initiatives", "import", "initiatives.csv").WithExample("initiatives", "import", "projects.xlsx", "--mapping", "projects.yaml", "--dry-run");
            });
            config.AddBranch("followups", branch =>
            {
                branch.SetDescription("The closed loop: a follow-up for every answer that needs one (NPS detractors 0-6; CSAT-only: dissatisfied 1-2; CES-only: high effort 6-7), its status and its measures.");
                branch.AddCommand<FollowupsSyncCommand>("sync").WithExample("followups", "sync").WithExample("followups", "sync", "--since", "2025-01-01");
                branch.AddCommand<FollowupsListCommand>("list").WithExample("followups", "list", "--status", "open", "--overdue").WithExample("followups", "list", "R-000001-0003");
                branch.AddCommand<FollowupsAssignCommand>("assign").WithExample("followups", "assign", "R-000001-0003", "--to", "Maya Patel");
                branch.AddCommand<FollowupsCloseCommand>("close").WithExample("followups", "close", "R-000001-0003", "--resolution", "Called back, fixed the export");
            });
            config.AddCommand<ReferencesCommand>("references").WithExample("references").WithExample("references", "--period", "quarter", "--json");
            config.AddCommand<ValueCommand>("value").WithExample("value").WithExample("value", "--json");
            config.AddCommand<ReportCommand>("report")
                .WithExample("report").WithExample("report", "--period", "2025Q4", "--compare", "previous", "--format", "html,pdf,xlsx", "--out", "board");
            config.AddBranch("sentiment", branch =>
            {
                branch.SetDescription("Train sentiment on your own labelled or scored comments; `fulcrum themes` then uses the model instead of the built-in one.");
                branch.AddCommand<SentimentTrainCommand>("train")
                    .WithExample("sentiment", "train", "--label", "rattr:airline_sentiment").WithExample("sentiment", "train", "--label", "nps", "--folds", "10");
                branch.AddCommand<SentimentShowCommand>("show").WithExample("sentiment", "show").WithExample("sentiment", "show", "--json");
                branch.AddCommand<SentimentForgetCommand>("forget").WithExample("sentiment", "forget");
            });
            config.AddBranch<CommandSettings>("themes", themes =>
            {
                themes.SetDescription("Themes in the comments: discover, assign, edit, and their cost in NPS, churn and ARR. "
                    + "Options of `fulcrum themes` (also taken by every subcommand, which re-runs themes after its edit; `fulcrum themes rename --help` lists them with defaults): "
                    + "--fast (TF-IDF + SVD instead of MiniLM), -k|--clusters N, --merge SIMILARITY, --min-share SHARE, --match SIMILARITY, --seed S, --replicates B, "
                    + "--emerging-min N, --no-impact, --json, --db PATH.");
                themes.SetDefaultCommand<ThemesCommand>();
                themes.AddExample("themes");
                themes.AddExample("themes", "--fast", "--json");
                themes.AddExample("themes", "--clusters", "12", "--db", "big.duckdb");
                themes.AddCommand<ThemeRenameCommand>("rename").WithExample("themes", "rename", "T003", "\"Lost luggage\"");
                themes.AddCommand<ThemeMergeCommand>("merge").WithExample("themes", "merge", "T004", "T009", "--label", "Delays");
                themes.AddCommand<ThemeSplitCommand>("split").WithExample("themes", "split", "T002", "--parts", "3");
                themes.AddCommand<ThemeDefineCommand>("define")
                    .WithExample("themes", "define", "\"Products don't integrate\"", "--keyword", "\"integrat*\"", "--keyword", "\"single sign-on\"",
                        "--example", "\"our products do not work together\"");
            });
            config.AddCommand<RejectsCommand>("rejects").WithExample("rejects").WithExample("rejects", "imp-20261125-101500-a1b2c3");
        });
        return app.Run(args);
    }

    /// <summary>Exit code of a command line with a word the command does not know (an unknown command, option or argument). README, "Exit codes".</summary>
    public const int ParseError = 2;

    /// <summary>
    /// Exit code of a command line whose words are known but whose values are refused: a required argument or option
    /// missing, a value malformed or out of range, a name, id, file or database that is not there. README, "Exit codes".
    /// </summary>
    public const int UsageError = 64;

    /// <summary>
    /// Exit code of a command whose input file refuses it (EX_DATAERR of sysexits.h): an import refusing rows (or a dry run
    /// finding that it would), a file that cannot be parsed, a mapping that does not fit the file. README, "Exit codes".
    /// </summary>
    public const int DataError = 65;

    /// <summary>Exit code of a command that ran and could not finish: the data refuse the analysis (with what to import), the store or a webhook failed, or an unexpected error.</summary>
    public const int Failure = 1;

    static int ExitCode(Exception exception) => exception switch
    {
        CommandParseException => ParseError,
        CommandAppException or UsageException => UsageError,
        ImportException or MappingException or SourceFormatException => DataError,
        _ => Failure,
    };

    static string Describe(Exception exception) => exception switch
    {
        ImportException or MappingException or SourceFormatException or StoreException or Analytics.Linkage.LinkageException => exception.Message,
        InitiativeException or FollowupException or FormatException or Analytics.Drivers.DriverAnalysisException => exception.Message,
        Analytics.Linkage.UserModels.UserModelException or Analytics.Themes.Sentiment.Training.SentimentTrainingException => exception.Message,
        CommandAppException or UsageException or Reports.Executive.Pdf.ReportRenderException => exception.Message,
        _ => $"{exception.Message} ({exception.GetType().Name})",
    };
}
