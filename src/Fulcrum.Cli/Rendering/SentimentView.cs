using System.Globalization;
using Fulcrum.Analytics.Themes.Sentiment.Training;

namespace Fulcrum.Cli.Rendering;

/// <summary>Text output of `fulcrum sentiment train` and `fulcrum sentiment show`.</summary>
public static class SentimentView
{
    public static void RenderTrained(SentimentTrainingResult result)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"Trained on {result.Comments:N0} labelled comments ({result.LabelDescription}; "
            + string.Join(", ", result.ClassCounts.Select(c => $"{c.Key} {c.Value:N0}"))
            + (result.Unlabelled > 0 ? $"; {result.Unlabelled:N0} comments without a label left out" : "") + ")."));
        RenderEvaluation(result.Evaluation, result.Method);
        AnsiConsole.MarkupLine("Stored: [bold]fulcrum themes[/] now scores sentiment with this model ([bold]fulcrum sentiment forget[/] goes back to the built-in model).");
    }

    public static void RenderStored(StoredSentimentModel? model, long currentDataVersion)
    {
        if (model is null)
        {
            AnsiConsole.MarkupLine("No trained sentiment model is stored: `fulcrum themes` scores sentiment with the offline lexicon. Train one with [bold]fulcrum sentiment train --label rattr:NAME[/] (or nps / csat).");
            return;
        }
        AnsiConsole.MarkupLine(Markup.Escape($"Trained {model.TrainedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC on {model.Comments:N0} comments labelled by {model.LabelSource}, "
            + $"data version {model.DataVersion}" + (model.DataVersion == currentDataVersion ? " (current)." : $" (the data are now at version {currentDataVersion}; train again to learn from the new comments).")));
        RenderEvaluation(model.Evaluation, model.Method);
    }

    static void RenderEvaluation(SentimentEvaluation evaluation, string method)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"Model: {method}."));
        AnsiConsole.MarkupLine($"[bold]Macro-F1 {Markup.Escape(evaluation.MacroF1.ToString(3))}[/], accuracy {Markup.Escape(evaluation.Accuracy.ToString(3))}");
        var table = new Table().Border(TableBorder.Rounded).Title("Per class (out-of-fold)")
            .AddColumn("class").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned());
        foreach (var c in evaluation.Classes)
            table.AddRow(c.Label, c.N.ToString("N0", CultureInfo.InvariantCulture), c.Precision.ToString("0.000", CultureInfo.InvariantCulture),
                c.Recall.ToString("0.000", CultureInfo.InvariantCulture), c.F1.ToString("0.000", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(evaluation.Method)}.[/]");
    }
}
