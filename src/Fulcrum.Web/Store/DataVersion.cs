namespace Fulcrum.Web.Store;

/// <summary>
/// A counter bumped after every committed write that can change a figure (responses, imports, assumptions), so cached
/// analytics results are used only while the data they came from is unchanged. The store is held by this process
/// (DuckDB admits one writing process), so no other process can change it behind our back.
/// </summary>
public sealed class DataVersion
{
    long _value;
    public long Current => Interlocked.Read(ref _value);
    public void Bump() => Interlocked.Increment(ref _value);
}
