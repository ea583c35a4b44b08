using System.Globalization;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Cli.Commands;

/// <summary>Options shared by `fulcrum linkage` and `fulcrum business-case`.</summary>
public class LinkageSettings : StoreSettings
{
    [CommandOption("--soft <METRICS>")]
    [Description("Soft metrics to model, comma-separated: nps, csat, ces. Default: NPS and CES when answered, else CSAT and CES.")]
    public string? Soft { get; init; }

    [CommandOption("--resamples <N>")]
    [Description("Bootstrap resamples of accounts behind every interval (at least 100).")]
    [DefaultValue(1000)]
    public int Resamples { get; init; } = 1000;

    [CommandOption("--confidence <LEVEL>")]
    [Description("Confidence level of the intervals, e.g. 0.90 or 0.95.")]
    [DefaultValue(0.90)]
    public double Confidence { get; init; } = 0.90;

    [CommandOption("--seed <SEED>")]
    [Description("Seed of the bootstrap (same seed, same intervals).")]
    [DefaultValue(20261126UL)]
    public ulong Seed { get; init; } = 20261126UL;

    [CommandOption("--json")]
    [Description("Print the result as JSON instead of tables.")]
    public bool Json { get; init; }

    public LinkageOptions Options => new()
    {
        SoftMetrics = CliLists.Split(Soft)?.Select(ParseSoft).ToHashSet(),
        Resamples = Resamples,
        ConfidenceLevel = Confidence,
        Seed = Seed,
    };

    public override ValidationResult Validate()
    {
        if (Resamples < 100) return ValidationResult.Error($"--resamples must be at least 100 (got {Resamples}).");
        if (!(Confidence is > 0.5 and < 1)) return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--confidence must be between 0.5 and 1, e.g. 0.90 (got {Confidence})."));
        try { _ = Options; }
        catch (FormatException e) { return ValidationResult.Error(e.Message); }
        return ValidationResult.Success();
    }

    static SoftMetric ParseSoft(string text) => text.ToLowerInvariant() switch
    {
        "nps" => SoftMetric.Nps,
        "csat" => SoftMetric.Csat,
        "ces" => SoftMetric.Ces,
        _ => throw new FormatException($"--soft: '{text}' is not a soft metric; use nps, csat or ces."),
    };

    /// <summary>Runs <paramref name="work"/> with a progress display on the console (none with --json, to keep the output clean).</summary>
    internal T WithProgress<T>(Func<IProgress<LinkageProgress>?, T> work)
    {
        if (StageTimes.Enabled) return work(StageTimes.Progress());
        if (Json || !AnsiConsole.Profile.Capabilities.Interactive) return work(null);
        return ProgressBars.Create().AutoClear(true)
            .Start(ctx =>
            {
                var task = ctx.AddTask("Linkage", maxValue: Resamples);
                return work(new Rendering.SynchronousProgress<LinkageProgress>(p =>
                {
                    task.Description = Markup.Escape(p.Stage);
                    if (p.Total > 0) task.Value = p.Done;
                }));
            });
    }
}
