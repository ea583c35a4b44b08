using System.Globalization;

namespace Fulcrum.Core.Diagnostics;

/// <summary>
/// With FULCRUM_MEMORY_TRACE=1, <see cref="Mark"/> writes the process's resident set, its peak since the last
/// <see cref="PeakMemory.TryReset"/>, and the managed heap's live and committed bytes to standard error: which part of a
/// step holds the memory (managed objects, or native memory such as DuckDB's), without a profiler.
/// </summary>
public static class MemoryTrace
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("FULCRUM_MEMORY_TRACE") == "1";

    public static void Mark(string label)
    {
        if (!Enabled) return;
        var info = GC.GetGCMemoryInfo();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory {label}: resident {PeakMemory.ReadResidentMegabytes():F0} MB, peak {PeakMemory.ReadMegabytes():F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB live, {info.TotalCommittedBytes / 1048576.0:F0} MB committed"));
    }
}
