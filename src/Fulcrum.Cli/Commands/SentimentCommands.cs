using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Cli.Commands;

[Description("Train the sentiment classifier on your own labelled comments (a response attribute) or on the scores answered with them (NPS/CSAT as weak labels), cross-validate it, and store it: `fulcrum themes` then uses it instead of the built-in model.")]
public sealed class SentimentTrainCommand : StoreCommand<SentimentTrainCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--label <SOURCE>")]
        [Description("Where the labels come from: rattr:NAME (a response attribute holding negative/neutral/positive or a common variant), nps (0–6 negative, 7–8 neutral, 9–10 positive) or csat (1–2, 3, 4–5).")]
        public string Label { get; init; } = "";

        [CommandOption("--folds <K>")]
        [Description("Folds of the stratified cross-validation that measures the model.")]
        [DefaultValue(SentimentTraining.DefaultFolds)]
        public int Folds { get; init; } = SentimentTraining.DefaultFolds;

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the folds, the fit and the bootstrap (same seed, same result).")]
        [DefaultValue(SentimentTraining.DefaultSeed)]
        public int Seed { get; init; } = SentimentTraining.DefaultSeed;

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--fast")]
        [Description("Train on words and the lexicon only, without the comments' MiniLM sentence vectors (faster; a little less accurate).")]
        public bool Fast { get; init; }

        public override ValidationResult Validate() => OptionCheck.Run(() =>
        {
            if (string.IsNullOrWhiteSpace(Label)) throw new ArgumentException("--label is required: rattr:NAME, nps or csat.");
            // An unknown label source is a bad option value (exit 64), not a training failure.
            try { SentimentLabelSource.Parse(Label); }
            catch (SentimentTrainingException e) { throw new ArgumentException(e.Message, e); }
            if (Folds is < 2 or > 20) throw new ArgumentException("--folds must be between 2 and 20.");
        });
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var source = SentimentLabelSource.Parse(settings.Label);
        SentimentTrainingResult? result = null;
        using var vectors = settings.Fast ? null : new MiniLmEmbedder();
        if (settings.Json || Console.IsOutputRedirected)
            result = SentimentTraining.Train(store, source, settings.Folds, settings.Seed, cancellationToken: cancellationToken, vectors: vectors);
        else
            ProgressBars.Create().AutoClear(true).Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                result = SentimentTraining.Train(store, source, settings.Folds, settings.Seed, progress: new SynchronousProgress<(string Step, int Done, int Total)>(p =>
                {
                    if (!tasks.TryGetValue(p.Step, out var task)) tasks[p.Step] = task = ctx.AddTask(p.Step, maxValue: p.Total);
                    task.Value = p.Done;
                }), cancellationToken: cancellationToken, vectors: vectors);
            });
        return Print.JsonOrTables(settings.Json, result!, SentimentView.RenderTrained);
    }
}

[Description("Show the stored sentiment model: its label source, cross-validated macro-F1 and accuracy, per-class precision and recall, and when it was trained.")]
public sealed class SentimentShowCommand : StoreCommand<SentimentShowCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Print the model's description as JSON (null when none is stored).")]
        public bool Json { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken) =>
        Print.JsonOrTables(settings.Json, new SentimentModelStore(store).Describe(), model => SentimentView.RenderStored(model, store.DataVersion()));
}

[Description("Remove the stored sentiment model; `fulcrum themes` goes back to the built-in one (MiniLM model for English, the lexicon with --fast).")]
public sealed class SentimentForgetCommand : StoreCommand<StoreSettings>
{
    protected override int Run(FulcrumStore store, StoreSettings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine(new SentimentModelStore(store).Forget()
            ? "Removed the trained sentiment model; `fulcrum themes` now scores sentiment with the built-in model (MiniLM for English, the lexicon with --fast)."
            : "No trained sentiment model was stored; `fulcrum themes` scores sentiment with the built-in model (MiniLM for English, the lexicon with --fast).");
        return 0;
    }
}
