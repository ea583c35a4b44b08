using System.Text.Json;
using Fulcrum.Core.Statistics;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Demo;

/// <summary>Progress of a generation run.</summary>
public sealed record GenerationProgress(int AccountsDone, int AccountsTotal, long Responses, long Tickets);

public sealed record GenerationResult(int Accounts, long Subscriptions, long Responses, long Tickets, long Outcomes, long References, long Opportunities, int Initiatives, TimeSpan Elapsed);

/// <summary>
/// Writes the synthetic company (DESIGN.md, issue "Synthetic company") into a store, replacing what it held.
/// Accounts are simulated in parallel waves and appended in account order, so memory stays bounded and the
/// output is identical for the same options whatever the number of cores.
/// </summary>
public static class DemoCompanyGenerator
{
    const int BatchSize = 500;

    public static GenerationResult Generate(FulcrumStore store, DemoCompanyOptions options, IProgress<GenerationProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        store.Clear();
        var simulator = new AccountSimulator(options);
        var tally = new GroundTruthTally();
        var counts = new long[7];
        var wave = Math.Max(2, Environment.ProcessorCount * 2);
        var batches = (options.Accounts + BatchSize - 1) / BatchSize;

        using (var writer = new DemoWriter(store, options.CsatOnly))
        {
            for (var first = 0; first < batches; first += wave)
            {
                cancellation.ThrowIfCancellationRequested();
                var results = new DemoBatch[Math.Min(wave, batches - first)];
                Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = cancellation }, i =>
                {
                    var batch = new DemoBatch();
                    var from = (first + i) * BatchSize;
                    for (var a = from; a < Math.Min(options.Accounts, from + BatchSize); a++) simulator.Simulate(a, batch);
                    results[i] = batch;
                });
                foreach (var batch in results)
                {
                    writer.Write(batch, counts);
                    tally.Merge(batch.Tally);
                }
                progress?.Report(new GenerationProgress(Math.Min(options.Accounts, (first + results.Length) * BatchSize), options.Accounts, counts[2], counts[3]));
            }
            var deals = BaselineDeals(options, tally);
            writer.WriteOpportunities(deals, counts);
        }

        using (var transaction = store.BeginTransaction())
        {
            foreach (var initiative in DemoInitiative.All)
                store.Execute("""
                    INSERT INTO initiatives (initiative_id, name, kind, start_date, cost, target, lever, owner, status, attributes)
                    VALUES ($id, $name, $kind, $start, $cost, $target, $lever, $owner, 'active', CAST($attributes AS JSON))
                    """,
                    new
                    {
                        id = initiative.Id, name = initiative.Name, kind = initiative.Kind,
                        start = DemoCompanyOptions.PeriodStart.AddMonths(3 * initiative.StartQuarter).ToDateTime(TimeOnly.MinValue),
                        cost = initiative.Cost, target = initiative.Target, lever = initiative.Lever, owner = initiative.Owner,
                        attributes = "{\"source\":\"demo generator\"}",
                    }, transaction);
            var effects = options.PlantEffects
                ? GroundTruth.From(tally, store, transaction, options)
                : [new GroundTruthEffect(GroundTruth.NoEffects, "No effects planted: every difference between customers or over time in this data is noise.", "none", 0, 0, "", "generated with PlantEffects = false")];
            foreach (var effect in effects)
                store.Execute("""
                    INSERT INTO ground_truth (effect_id, description, metric, nominal, realized, unit, detail)
                    VALUES ($EffectId, $Description, $Metric, $Nominal, $Realized, $Unit, $Detail)
                    """, effect, transaction);
            store.SetMetadata("generated_by", $"fulcrum demo generator: {options.Accounts:N0} accounts, {options.Years} years, seed {options.Seed}{(options.PlantEffects ? "" : ", no planted effects")}{(options.CsatOnly ? ", CSAT only" : "")}{(options.ComplaintOddsRatio is { } r ? $", complaint flag (odds ratio {r:0.##})" : "")}", transaction);
            store.SetMetadata("generator_options", JsonSerializer.Serialize(options), transaction);
            store.BumpDataVersion(transaction);
            transaction.Commit();
        }
        return new GenerationResult(options.Accounts, counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], DemoInitiative.All.Count, clock.Elapsed);
    }

    /// <summary>New-business deals that had no reference, growing with the customer base.</summary>
    static List<OpportunityRow> BaselineDeals(DemoCompanyOptions options, GroundTruthTally tally)
    {
        var rng = DeterministicRandom.Create((ulong)options.Seed, "baseline-opportunities");
        var deals = new List<OpportunityRow>();
        for (var q = 0; q < options.Quarters; q++)
        {
            var expected = DemoModel.BaselineDealsPerAccountQuarter * options.Accounts * (0.5 + 0.5 * q / Math.Max(1.0, options.Quarters - 1));
            var n = Sampling.Poisson(rng, expected);
            var quarterStart = DemoCompanyOptions.PeriodStart.AddMonths(3 * q);
            for (var k = 1; k <= n; k++)
                deals.Add(AccountSimulator.Deal(rng, $"OPP-{q + 1:D2}-{k:D5}", quarterStart.AddDays(rng.Next(0, 90)), DemoModel.BaselineWinRate, referenced: false, tally));
        }
        return deals;
    }
}
