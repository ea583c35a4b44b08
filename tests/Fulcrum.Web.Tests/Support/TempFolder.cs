namespace Fulcrum.Web.Tests.Support;

/// <summary>A temporary folder, deleted with what it holds.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("fulcrum-web-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
