namespace Fulcrum.Cli.Commands;

[Description("Show what the database holds: row counts per table, the CSAT and CES scales its answers are on (declared by a mapping, or the default), recent imports and rejects.")]
public sealed class StatusCommand : StoreCommand<StatusCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Write the status as JSON (tables, scales, recent imports, rejects) instead of tables.")]
        public bool Json { get; init; }
    }

    protected override bool RequiresExistingDatabase => true;

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        var status = StoreStatus.Read(store);
        return Print.JsonOrTables(settings.Json, StatusView.ForJson(status), _ => StatusView.Render(status));
    }
}
