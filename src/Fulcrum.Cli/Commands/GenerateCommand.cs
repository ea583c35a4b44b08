using System.Globalization;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;

namespace Fulcrum.Cli.Commands;

[Description("Generate a synthetic company into a database, replacing its contents: the B2B SaaS demo company (accounts, products, surveys, tickets, renewals, references, initiatives), " +
             "or with --kind shop an online shop (customers, orders, post-purchase CSAT reviews in one or more languages; no renewals or tickets). Same seed → same data.")]
public sealed class GenerateCommand : StoreCommand<GenerateCommand.Settings>
{
    public class Settings : StoreSettings
    {
        [CommandOption("--accounts <N>")]
        [Description("Number of customer accounts (50 to 5,000,000).")]
        [DefaultValue(4000)]
        public int Accounts { get; init; } = 4000;

        [CommandOption("--years <Y>")]
        [Description("Years of history, starting 2023-01-01 (1 to 10).")]
        [DefaultValue(3)]
        public int Years { get; init; } = 3;

        [CommandOption("--seed <S>")]
        [Description("Random seed; the same seed gives the same company.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--no-effects")]
        [Description("Plant no effects: a null company where every difference is noise (for checking false alarms).")]
        public bool NoEffects { get; init; }

        [CommandOption("--kind <KIND>")]
        [Description("saas (the demo company) or shop (transactional: orders and CSAT reviews, --accounts customers).")]
        [DefaultValue("saas")]
        public string Kind { get; init; } = "saas";

        [CommandOption("--languages <LANGS>")]
        [Description("Shop only: comment languages with weights, e.g. en, or pt:0.5,es:0.5 (en, pt, es).")]
        public string? Languages { get; init; }

        [CommandOption("--complaint-odds-ratio <OR>")]
        [Description("saas only: give every account a yes/no attribute 'complaint' whose odds ratio for churn is OR (e.g. 4.4), the same given anything else about the account; recorded in ground_truth. Find it with fulcrum drivers --outcome churn --controls attr:complaint.")]
        public double? ComplaintOddsRatio { get; init; }

        [CommandOption("--csat-only")]
        [Description("saas only: a company that measures satisfaction only — survey answers carry CSAT (1–5), no NPS or CES.")]
        public bool CsatOnly { get; init; }

        public DemoCompanyOptions Options => new(Accounts, Years, Seed, !NoEffects, ComplaintOddsRatio, CsatOnly);

        public ShopCompanyOptions ShopOptions => new(Accounts, Years, Seed, ParseLanguages(Languages));

        public bool IsShop => Kind.Equals("shop", StringComparison.OrdinalIgnoreCase);

        public override ValidationResult Validate() => OptionCheck.Run(() =>
        {
            if (!IsShop && !Kind.Equals("saas", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException($"Unknown --kind '{Kind}'. Use saas or shop.");
            if (IsShop) ShopOptions.Validate();
            else if (Languages is not null) throw new ArgumentException("--languages applies to --kind shop only.");
            else Options.Validate();
            if (IsShop && NoEffects) throw new ArgumentException("--no-effects applies to the saas company only.");
            if (IsShop && (ComplaintOddsRatio is not null || CsatOnly)) throw new ArgumentException("--complaint-odds-ratio and --csat-only apply to the saas company only.");
        });

        static Dictionary<string, double>? ParseLanguages(string? text) => CliLists.Split(text)?.ToDictionary(
            item => item.Split(':')[0].Trim().ToLowerInvariant(),
            item => item.Split(':') is [_, var weight] ? double.Parse(weight, NumberStyles.Float, CultureInfo.InvariantCulture) : 1.0);
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.IsShop)
        {
            var shop = ShopCompanyGenerator.Generate(store, settings.ShopOptions);
            AnsiConsole.MarkupLine($"Generated a shop: {shop.Customers:N0} customers, {shop.Orders:N0} orders, {shop.Reviews:N0} reviews ({shop.Comments:N0} with a comment), {shop.Refunds:N0} refunds.");
            DemoReport.RenderGroundTruth(store);
            return 0;
        }
        var result = Generate(store, settings.Options, cancellationToken);
        DemoReport.RenderGeneration(store, result);
        return 0;
    }

    internal static GenerationResult Generate(FulcrumStore store, DemoCompanyOptions options, CancellationToken cancellationToken)
    {
        GenerationResult? result = null;
        ProgressBars.Create().Start(ctx =>
        {
            var task = ctx.AddTask($"Generating {options.Accounts:N0} accounts", maxValue: options.Accounts);
            var progress = new SynchronousProgress<GenerationProgress>(p =>
            {
                task.Value = p.AccountsDone;
                task.Description = $"Generating: {p.Responses:N0} responses, {p.Tickets:N0} tickets";
            });
                result = DemoCompanyGenerator.Generate(store, options, progress, cancellationToken);
                task.Value = options.Accounts;
            });
        return result!;
    }
}
