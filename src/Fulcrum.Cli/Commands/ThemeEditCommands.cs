using Fulcrum.Analytics.Themes;

namespace Fulcrum.Cli.Commands;

/// <summary>Shared by the edit subcommands: after the edit, themes are re-run so assignments reflect it at once.</summary>
public abstract class ThemeEditCommand<TSettings> : StoreCommand<TSettings> where TSettings : ThemesCommand.Settings
{
    protected abstract string Edit(ThemeEditor editor, TSettings settings);

    protected override int Run(FulcrumStore store, TSettings settings, CancellationToken cancellationToken)
    {
        string message;
        try { message = Edit(new ThemeEditor(store), settings); }
        // An id that is not a theme, or a split into too few or many parts: refused as a usage error.
        catch (ArgumentException e) { throw new UsageException(OptionCheck.WithoutParameter(e.Message)); }
        if (!settings.Json) AnsiConsole.MarkupLine(Markup.Escape(message));
        var (run, impact) = ThemesCommand.RunAll(store, settings, cancellationToken);
        return Print.JsonOrTables(settings.Json, new { edit = message, run, impact }, result => ThemesView.Render(result.run, result.impact));
    }
}

[Description("Renames a theme; the label is kept on every later run.")]
public sealed class ThemeRenameCommand : ThemeEditCommand<ThemeRenameCommand.Settings>
{
    public sealed class Settings : ThemesCommand.Settings
    {
        [CommandArgument(0, "<THEME>")] [Description("Theme id, e.g. T003.")] public string ThemeId { get; init; } = "";
        [CommandArgument(1, "<LABEL>")] [Description("The new label.")] public string Label { get; init; } = "";
    }

    protected override string Edit(ThemeEditor editor, Settings settings) =>
        $"Renamed {editor.Rename(settings.ThemeId, settings.Label).ThemeId} to '{settings.Label}'.";
}

[Description("Merges two or more themes into a new one (the merged themes' comments and any cluster like them go to it on later runs).")]
public sealed class ThemeMergeCommand : ThemeEditCommand<ThemeMergeCommand.Settings>
{
    public sealed class Settings : ThemesCommand.Settings
    {
        [CommandArgument(0, "<THEMES>")] [Description("Theme ids to merge (two or more).")] public string[] ThemeIds { get; init; } = [];
        [CommandOption("--label <LABEL>")] [Description("Label of the merged theme (default: the labels joined).")] public string? Label { get; init; }
    }

    protected override string Edit(ThemeEditor editor, Settings settings)
    {
        var merged = editor.Merge(settings.ThemeIds, settings.Label);
        return $"Merged {string.Join(", ", settings.ThemeIds)} into {merged.ThemeId} '{merged.Label}'.";
    }
}

[Description("Splits a theme: its comments are clustered into parts that become new themes.")]
public sealed class ThemeSplitCommand : ThemeEditCommand<ThemeSplitCommand.Settings>
{
    public sealed class Settings : ThemesCommand.Settings
    {
        [CommandArgument(0, "<THEME>")] [Description("Theme id to split.")] public string ThemeId { get; init; } = "";
        [CommandOption("--parts <N>")] [Description("Number of parts (2–10).")] [DefaultValue(2)] public int Parts { get; init; } = 2;
    }

    protected override string Edit(ThemeEditor editor, Settings settings) =>
        $"Split {editor.Split(settings.ThemeId, settings.Parts).ThemeId} into {settings.Parts} parts.";
}

[Description("Defines a theme by keywords (matched in comment sentences) and/or example sentences (matched by similarity).")]
public sealed class ThemeDefineCommand : ThemeEditCommand<ThemeDefineCommand.Settings>
{
    public sealed class Settings : ThemesCommand.Settings
    {
        [CommandArgument(0, "<LABEL>")] [Description("Label of the new theme.")] public string Label { get; init; } = "";
        [CommandOption("--keyword <WORDS>")] [Description("A keyword or phrase (repeatable; a trailing * matches any ending, e.g. integrat*).")] public string[] Keywords { get; init; } = [];
        [CommandOption("--example <SENTENCE>")] [Description("An example sentence (repeatable).")] public string[] Examples { get; init; } = [];

        public override ValidationResult Validate() =>
            Keywords.Length + Examples.Length == 0 ? ValidationResult.Error("Give at least one --keyword or --example.") : base.Validate();
    }

    protected override string Edit(ThemeEditor editor, Settings settings)
    {
        var theme = editor.Define(settings.Label, settings.Keywords, settings.Examples);
        return $"Defined {theme.ThemeId} '{theme.Label}'.";
    }
}
