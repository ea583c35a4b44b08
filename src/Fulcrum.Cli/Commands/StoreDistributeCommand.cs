using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Commands;

[Description("Prepare a PostgreSQL store for Citus: distribute account-keyed tables on account_id (co-located with accounts) and make small ones reference tables. " +
             "Shows the plan, and explains what is missing when the server has no Citus extension.")]
public sealed class StoreDistributeCommand : StoreCommand<StoreDistributeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--dry-run")]
        [Description("Show the plan only.")]
        public bool DryRun { get; init; }
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        // A DuckDB --db names the wrong kind of store for this command: a usage error, not a failure.
        if (!store.Dialect.IsPostgres)
            throw new UsageException("Distribution is for PostgreSQL stores with the Citus extension; this store is a DuckDB file. Move it with `fulcrum store copy --from FILE --to postgres://…` first.");
        var plan = CitusDistribution.Plan(store);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("table").AddColumn("placement").AddColumn("why");
        foreach (var p in plan)
            table.AddRow(p.Table, p.Role switch
            {
                DistributionRole.Distributed => "[green]distributed on account_id[/]",
                DistributionRole.Reference => "reference (copy on every worker)",
                _ => "[yellow]stays on the coordinator[/]",
            }, Markup.Escape(p.Reason));
        AnsiConsole.Write(table);
        var blocked = plan.Count(p => p.Role == DistributionRole.Blocked);
        if (blocked > 0)
            AnsiConsole.MarkupLine($"{blocked} table(s) keyed by response_id stay on the coordinator (docs/scale.md). Queries joining them still run: Citus ships their rows to the workers.");
        if (settings.DryRun) return 0;
        if (!CitusDistribution.CitusAvailable(store))
        {
            AnsiConsole.MarkupLine($"[yellow]The server behind {Markup.Escape(store.Path)} has no Citus extension, so nothing was changed.[/] " +
                                   "Citus is PostgreSQL plus the citus extension on a coordinator and workers (see docs/scale.md); install it, add " +
                                   "shared_preload_libraries = 'citus' to postgresql.conf, restart, add the workers, then run this command again.");
            return 1;
        }
        CitusDistribution.Apply(store, plan);
        AnsiConsole.MarkupLine($"Distributed {plan.Count(p => p.Role == DistributionRole.Distributed)} table(s) on account_id and made {plan.Count(p => p.Role == DistributionRole.Reference)} reference table(s).");
        return 0;
    }
}
