using System.Globalization;

namespace Fulcrum.Cli.Commands;

[Description("List the assumptions every money figure uses (cost per agent hour, margin, discount rate, horizon, lever sizes and costs).")]
public sealed class AssumptionsListCommand : StoreCommand<AssumptionsListCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Write the assumptions as JSON.")]
        public bool AsJson { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.AsJson, new AssumptionStore(store).List(), Render);

    static void Render(IReadOnlyList<AssumptionValue> list)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("name").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit").AddColumn("allowed").AddColumn("description");
        foreach (var a in list)
            table.AddRow(Markup.Escape(a.Name),
                a.IsDefault ? Format(a.Value) : $"[bold]{Format(a.Value)}[/] [grey](default {Format(a.Default)})[/]",
                Markup.Escape(a.Unit), $"{Format(a.Min)}–{Format(a.Max)}", Markup.Escape(a.Description));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Change one with [bold]fulcrum assumptions set NAME VALUE[/]; put it back with [bold]fulcrum assumptions reset NAME[/].");
    }

    internal static string Format(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}

[Description("Change one assumption. The value must lie within its allowed range (see `fulcrum assumptions list`).")]
public sealed class AssumptionsSetCommand : StoreCommand<AssumptionsSetCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("Assumption name, e.g. cost_per_agent_hour.")]
        public string Name { get; init; } = "";

        [CommandArgument(1, "<VALUE>")]
        [Description("New value, a plain number (use . as the decimal point), e.g. 52.5 or 0.8.")]
        public string Value { get; init; } = "";

        // An unknown name or a value outside the allowed range is refused before the store is opened.
        public override ValidationResult Validate() =>
            !double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? ValidationResult.Error($"VALUE must be a number such as 52.5; got '{Value}'.")
                : DefaultAssumptions.Problem(Name, value) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var value = double.Parse(settings.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var previous = new AssumptionStore(store).Set(settings.Name, value);
        AnsiConsole.MarkupLine($"{Markup.Escape(settings.Name)}: {AssumptionsListCommand.Format(previous)} → [bold]{AssumptionsListCommand.Format(value)}[/]");
        return 0;
    }
}

[Description("Put one assumption back to its default value.")]
public sealed class AssumptionsResetCommand : StoreCommand<AssumptionsResetCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("Assumption name, e.g. gross_margin.")]
        public string Name { get; init; } = "";

        public override ValidationResult Validate() =>
            DefaultAssumptions.Find(Name) is null ? ValidationResult.Error($"Unknown assumption '{Name}'. Known: {string.Join(", ", DefaultAssumptions.All.Select(a => a.Name))}.")
                : ValidationResult.Success();
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var assumptions = new AssumptionStore(store);
        var previous = assumptions.Reset(settings.Name);
        AnsiConsole.MarkupLine($"{Markup.Escape(settings.Name)}: {AssumptionsListCommand.Format(previous)} → [bold]{AssumptionsListCommand.Format(assumptions.Get(settings.Name))}[/] (default)");
        return 0;
    }
}
