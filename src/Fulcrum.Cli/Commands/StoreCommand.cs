namespace Fulcrum.Cli.Commands;

/// <summary>
/// A command that works on the database named by --db: opens it, hands it to <see cref="Run"/> and closes it afterwards,
/// so each command holds only what it does with the store.
/// </summary>
public abstract class StoreCommand<TSettings> : Command<TSettings> where TSettings : StoreSettings
{
    /// <summary>
    /// False (the default): a missing database is created, as --db promises. True for commands that only describe an
    /// existing database, where creating an empty one would hide a wrong path.
    /// </summary>
    protected virtual bool RequiresExistingDatabase => false;

    protected abstract int Run(FulcrumStore store, TSettings settings, CancellationToken cancellationToken);

    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        if (RequiresExistingDatabase && StoreLocation.Parse(settings.Db) is { IsPostgres: false } file && !File.Exists(file.Target))
        {
            AnsiConsole.MarkupLine($"[yellow]No database at {Markup.Escape(file.Target)}.[/] Run `fulcrum demo` or `fulcrum import` to create one.");
            return 1;
        }
        StageTimes.Mark("opening the store");
        using var store = FulcrumStore.Open(settings.Db);
        StageTimes.Mark("the command's work");
        return Run(store, settings, cancellationToken);
    }
}
