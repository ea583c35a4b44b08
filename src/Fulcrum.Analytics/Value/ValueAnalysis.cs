using Fulcrum.Analytics.Facts;
using Fulcrum.Core.Diagnostics;
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
        // The fact tables' blocks the panel was read from stay cached in DuckDB (~0.3 GB at 100k accounts) while the
        // regressions below need memory of their own; nothing reads them again here.
        facts.Store.ReleaseCachedMemory();
        MemoryTrace.Mark("value: panel read");
        // The initiatives' regressions first, then the reference program's and closed loop's queries: run side by side, the
        // queries' DuckDB memory came on top of the regressions' and raised analyze's peak.
        var impacts = InitiativeImpactAnalysis.Run(panel, valid);
        MemoryTrace.Mark("value: initiatives measured");
        var references = ReferenceProgram.Run(facts.Store, funnelPeriod);
        MemoryTrace.Mark("value: reference program");
        var loop = ClosedLoopMeasures.Run(facts.Store);
        MemoryTrace.Mark("value: closed loop");
        var ledger = ValueLedger.Build(impacts, references);
        return new ValueReport(ledger, impacts, references, loop, invalid);
    }
}
