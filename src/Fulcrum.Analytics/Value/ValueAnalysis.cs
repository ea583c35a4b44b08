using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Value.ClosedLoop;
using Fulcrum.Analytics.Value.Initiatives;
using Fulcrum.Analytics.Value.Ledger;
using Fulcrum.Analytics.Value.References;

namespace Fulcrum.Analytics.Value;

/// <summary>Everything `fulcrum value` reports: the ledger, each initiative's measured impact, the reference program and the closed loop.</summary>
public sealed record ValueReport(
    ValueLedgerReport Ledger, IReadOnlyList<InitiativeImpact> Initiatives, ReferenceProgramReport References, ClosedLoopReport ClosedLoop,
    IReadOnlyList<string> InvalidInitiatives);

/// <summary>The one entry point the CLI (and later the API and reports) call for the value delivered.</summary>
public static class ValueAnalysis
{
    public static ValueReport Run(AnalysisFacts facts, PeriodUnit funnelPeriod = PeriodUnit.Year)
    {
        var registry = new InitiativeRegistry(facts.Store);
        var all = registry.List();
        // Initiatives with a bad definition (e.g. imported with an unparsable target) are named, not silently skipped.
        var invalid = all.SelectMany(i => InitiativeRegistry.Problems(i).Select(p => $"{i.InitiativeId}: {p}")).ToList();
        var valid = all.Where(i => !InitiativeRegistry.Problems(i).Any()).ToList();
        var panel = ValuePanel.Load(facts);
        // The reference program and the closed loop are queries; the initiatives' regressions run in C# on the panel and never
        // touch the store, so the two run side by side (the store still has one user at a time) on separate cores.
        var queries = Task.Run(() => (ReferenceProgram.Run(facts.Store, funnelPeriod), ClosedLoopMeasures.Run(facts.Store)));
        IReadOnlyList<InitiativeImpact> impacts;
        try
        {
            impacts = InitiativeImpactAnalysis.Run(panel, valid);
        }
        catch
        {
            // The store stays in use until the queries end; their own failure, if any, comes second to this one.
            ((IAsyncResult)queries).AsyncWaitHandle.WaitOne();
            throw;
        }
        var (references, loop) = queries.GetAwaiter().GetResult();
        var ledger = ValueLedger.Build(impacts, references);
        return new ValueReport(ledger, impacts, references, loop, invalid);
    }
}
