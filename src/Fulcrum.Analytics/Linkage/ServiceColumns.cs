namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// Account-quarters of service as level codes, one array per column (row order is the query's: by account, then quarter).
/// Over a million rows at 100k accounts: codes instead of strings and row objects keep loading and placing them cheap.
/// </summary>
internal sealed class ServiceColumns
{
    public List<int> Account { get; } = [];
    /// <summary>Index into <see cref="Segments"/> (a missing segment is "unknown").</summary>
    public List<int> Segment { get; } = [];
    public List<string> Segments { get; } = [];
    /// <summary>Index into <see cref="LinkageFactors.TenureLevels"/>.</summary>
    public List<int> Tenure { get; } = [];
    /// <summary>Index into <see cref="LinkageFactors.ProductLevels"/>.</summary>
    public List<int> Products { get; } = [];
    public List<double> Arr { get; } = [];
    public List<double> Tickets { get; } = [];
    public List<double> HandleMinutes { get; } = [];
    /// <summary>Index into <see cref="LinkageFactors.NpsLevels"/> of the trailing year's mean score.</summary>
    public List<int> Nps { get; } = [];
    public List<double?> CesMean { get; } = [];
    public List<long> CesAnswers { get; } = [];
    public int Count => Account.Count;
}
