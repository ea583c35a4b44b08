using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>
/// The business case's levers as extra scenarios for a linkage fit (<see cref="LinkageAnalysis.Run"/>'s scenarios), kept
/// with the data they were built on, so the business case can be read off a fit another analysis made
/// (<see cref="BusinessCaseAnalysis.On"/>: analyze's theme impact values them in its own fit).
/// </summary>
public sealed class BusinessCaseLevers
{
    LinkageContext? _context;

    internal IReadOnlyList<(Lever Lever, ScenarioDefinition? Scenario)> Levers { get; private set; } = [];

    /// <summary>Builds every lever (<see cref="LeverCatalog.Build"/>) on the fit's data and book, and returns those that can be valued.</summary>
    public IEnumerable<ScenarioDefinition> Build(LinkageContext context)
    {
        _context = context;
        Levers = LeverCatalog.Build(context).ToList();
        return Levers.Where(l => l.Scenario is not null).Select(l => l.Scenario!);
    }

    /// <summary>Whether these levers were built for <paramref name="linkage"/>, i.e. its figures value them.</summary>
    internal bool ValuedBy(LinkageRun linkage) => _context is not null && ReferenceEquals(_context.Data, linkage.Data) && ReferenceEquals(_context.Book, linkage.Book);
}
