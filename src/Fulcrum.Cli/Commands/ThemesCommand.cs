using Fulcrum.Analytics.Themes;

namespace Fulcrum.Cli.Commands;

[Description("Themes in the comments: discovers them (sentence embeddings or --fast lexical mode), assigns every comment its themes with sentiment, keeps theme ids and your edits across runs, and shows each theme's share, impact on the survey score (NPS, else CSAT, else CES), churn and ARR at risk, sentiment and trend.")]
public sealed class ThemesCommand : StoreCommand<ThemesCommand.Settings>
{
    public class Settings : StoreSettings
    {
        [CommandOption("--fast")]
        [Description("Fast lexical mode (TF-IDF + truncated SVD) instead of the local all-MiniLM-L6-v2 model; for very large volumes.")]
        public bool Fast { get; set; }

        [CommandOption("-k|--clusters <N>")]
        [Description("Number of themes to discover (complaints and other remarks together); default: as many as the data hold at the merge similarity.")]
        public int? K { get; set; }

        [CommandOption("--merge <SIMILARITY>")]
        [Description("Mean cosine similarity of their sentences at which two groups of sentences are one theme (higher: more, narrower themes); default 0.5 with MiniLM (whose groups start as communities of the sentences' 20-nearest-neighbour graph), 0.2 with --fast (k-means groups).")]
        public double? Merge { get; set; }

        [CommandOption("--min-share <SHARE>")]
        [Description("Share of all sentences below which a theme is folded into its most similar neighbour (at least 10 sentences).")]
        [DefaultValue(0.002)]
        public double MinShare { get; set; } = 0.002;

        [CommandOption("--match <SIMILARITY>")]
        [Description("Centroid cosine similarity at which a new cluster keeps a stored theme's id.")]
        [DefaultValue(0.8)]
        public double Match { get; set; } = 0.8;

        [CommandOption("--seed <SEED>")]
        [Description("Seed of clustering and bootstrap (same seed, same result).")]
        [DefaultValue(20_240_601)]
        public int Seed { get; set; } = 20_240_601;

        [CommandOption("--replicates <B>")]
        [Description("Bootstrap resamples for the impact intervals.")]
        [DefaultValue(1000)]
        public int Replicates { get; set; } = 1000;

        [CommandOption("--emerging-min <N>")]
        [Description("Fewest comments raising a theme in the latest quarter for it to be tested as emerging; smaller counts are shown but never tested or flagged.")]
        [DefaultValue(ThemeImpactOptions.DefaultEmergingMinimum)]
        public int EmergingMin { get; set; } = ThemeImpactOptions.DefaultEmergingMinimum;

        [CommandOption("--no-impact")]
        [Description("Only discover and assign themes; skip NPS/churn/ARR impact.")]
        public bool NoImpact { get; set; }

        [CommandOption("--json")]
        [Description("Print the result as JSON instead of tables.")]
        public bool Json { get; set; }

        public ThemeOptions Options => new(Fast, K, Merge, MinShare, Seed, Match);

        public override ValidationResult Validate() => OptionCheck.Run(() =>
        {
            Options.Validate();
            if (Replicates < 100) throw new ArgumentException("--replicates must be at least 100.");
            if (EmergingMin < 1) throw new ArgumentException("--emerging-min must be at least 1.");
        });
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var (run, impact) = RunAll(store, settings, cancellationToken);
        return Print.JsonOrTables(settings.Json, new { run, impact }, result => ThemesView.Render(result.run, result.impact));
    }

    /// <summary>Runs discovery + assignment with a progress display, then the impact analysis.</summary>
    internal static (ThemeRunResult Run, ThemeImpactReport? Impact) RunAll(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        ThemeRunResult? run = null;
        if (settings.Json || Console.IsOutputRedirected)
            run = ThemeAnalysis.Run(store, settings.Options, null, cancellationToken);
        else
            ProgressBars.Create().AutoClear(true)
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    run = ThemeAnalysis.Run(store, settings.Options, new SynchronousProgress<ThemeProgress>(p =>
                    {
                        if (!tasks.TryGetValue(p.Phase, out var task)) tasks[p.Phase] = task = ctx.AddTask(p.Phase, maxValue: Math.Max(1, p.Total));
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), cancellationToken);
                    foreach (var t in tasks.Values) t.Value = t.MaxValue;
                });
        var impact = settings.NoImpact ? null : ThemeImpactAnalysis.Run(store, new ThemeImpactOptions(settings.Seed, settings.Replicates, EmergingMinimum: settings.EmergingMin));
        return (run!, impact);
    }
}
