using Fulcrum.Data.Demo;

namespace Fulcrum.Cli.Commands;

[Description("Generate the synthetic demo company (accounts, products, surveys, tickets, renewals, references, initiatives) into a database, replacing its contents. Same seed → same data.")]
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

        public DemoCompanyOptions Options => new(Accounts, Years, Seed, !NoEffects);

        public override ValidationResult Validate() => OptionCheck.Run(() => Options.Validate());
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
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
