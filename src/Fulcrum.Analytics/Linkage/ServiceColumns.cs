namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// Account-quarters of service as level codes, one array per column (row order is the query's: by account, then quarter).
/// Over a million rows at 100k accounts: codes instead of strings and row objects keep loading and placing them cheap.
/// </summary>
internal sealed class ServiceColumns(int capacity)
{
    // Sized for every row up front: growing ten lists of over half a million values doubles and copies each many times.
    public List<int> Account { get; } = new(capacity);
    /// <summary>Index into <see cref="Segments"/> (a missing segment is "unknown").</summary>
    public List<int> Segment { get; } = new(capacity);
    public List<string> Segments { get; } = [];
    /// <summary>Index into <see cref="LinkageFactors.TenureLevels"/>.</summary>
    public List<int> Tenure { get; } = new(capacity);
    /// <summary>Index into <see cref="LinkageFactors.ProductLevels"/>.</summary>
    public List<int> Products { get; } = new(capacity);
    public List<double> Arr { get; } = new(capacity);
    public List<double> Tickets { get; } = new(capacity);
    public List<double> HandleMinutes { get; } = new(capacity);
    /// <summary>Index into <see cref="LinkageFactors.NpsLevels"/> of the trailing year's mean score.</summary>
    public List<int> Nps { get; } = new(capacity);
    public List<double?> CesMean { get; } = new(capacity);
    public List<long> CesAnswers { get; } = new(capacity);
    public int Count => Account.Count;
}
