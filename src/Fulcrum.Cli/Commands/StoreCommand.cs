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
        // A --db that cannot name a store (a malformed URL, a connection string without a database) is a usage error, as is
        // a file that does not exist where the command only describes an existing one.
        var location = OptionCheck.StoreAt("--db", settings.Db);
        if (RequiresExistingDatabase && location is { IsPostgres: false } && !File.Exists(location.Target))
        {
            AnsiConsole.MarkupLine($"[yellow]No database at {Markup.Escape(location.Target)}.[/] Run `fulcrum demo` or `fulcrum import` to create one.");
            return FulcrumApp.UsageError;
        }
        StageTimes.Mark("opening the store");
        using var store = FulcrumStore.Open(location);
        StageTimes.Mark("the command's work");
        return Run(store, settings, cancellationToken);
    }
}
