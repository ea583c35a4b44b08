using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value.References;

namespace Fulcrum.Cli.Commands.Value;

[Description("The reference program: promoters → asked → agreed → used → opportunities influenced → closed won, by period with conversion rates (Wilson 95% CIs); win-rate uplift of referenced deals (Newcombe CI); revenue influenced by the NPS program.")]
public sealed class ReferencesCommand : StoreCommand<ReferencesCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--period <PERIOD>")]
        [Description("month, quarter or year.")]
        [DefaultValue("year")]
        public string Period { get; init; } = "year";

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            try { PeriodUnits.Parse(Period); }
            catch (ArgumentException e) { return ValidationResult.Error($"--period: {e.Message}"); }
            return ValidationResult.Success();
        }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, ReferenceProgram.Run(store, PeriodUnits.Parse(settings.Period)), ValueView.RenderReferences);
}
