namespace Fulcrum.Cli.Rendering;

/// <summary>An IProgress that reports on the calling thread (System.Progress posts to the thread pool and can report late).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
