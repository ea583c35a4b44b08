using Fulcrum.Analytics.Facts;

namespace Fulcrum.Cli.Commands;

/// <summary>Options shared by the analysis commands.</summary>
public class AnalysisSettings : StoreSettings
{
    [CommandOption("--period <UNIT>")]
    [Description("Period: week, month, quarter or year.")]
    [DefaultValue("quarter")]
    public string Period { get; init; } = "quarter";

    [CommandOption("--from <DATE>")]
    [Description("First day to include (yyyy-MM-dd).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last day to include (yyyy-MM-dd).")]
    public string? To { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON instead of tables.")]
    public bool Json { get; init; }

    public PeriodUnit PeriodUnit => PeriodUnits.Parse(Period);
    public DateOnly? FromDate => CliDates.Date(null, From);
    public DateOnly? ToDate => CliDates.Date(null, To);

    public override ValidationResult Validate() => OptionCheck.Run(() =>
    {
        _ = PeriodUnit;
        if (FromDate > ToDate) throw new ArgumentException("--from is after --to.");
    });
}
