using System.Diagnostics;
using System.Globalization;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>Memory and CPU use of one measured step.</summary>
internal sealed record Usage(
    TimeSpan Elapsed,
    TimeSpan Cpu,
    long PeakWorkingSet,
    bool PeakWorkingSetExact,
    long PeakManagedHeap,
    long ManagedHeapAfter,
    long Allocated,
    double LoadBefore,
    double LoadAfter)
{
    /// <summary>The 1-minute load average before and after, e.g. "0.3 → 1.9": other work on the machine skews wall times.</summary>
    public string Load => string.Create(CultureInfo.InvariantCulture, $"{LoadBefore:0.0} → {LoadAfter:0.0}");

    public double CpuPerWall => Elapsed.TotalSeconds > 0 ? Cpu.TotalSeconds / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Measures one step: wall time (Stopwatch), process CPU time, peak working set and managed heap.
/// The peak working set is the kernel's high-water mark (VmHWM), reset at the start of the step through
/// /proc/self/clear_refs so that it covers this step only; where that is not possible it falls back to
/// sampling <see cref="Process.WorkingSet64"/> every 50 ms. The managed heap is sampled with
/// <see cref="GC.GetTotalMemory(bool)"/>. Native memory (DuckDB's buffer pool) counts in the working set only.
/// </summary>
internal sealed class Measurement : IDisposable
{
    private readonly Stopwatch clock;
    private readonly TimeSpan cpuAtStart;
    private readonly long allocatedAtStart;
    private readonly bool hwmReset;
    private readonly double loadBefore;
    private readonly Thread sampler;
    private volatile bool stopping;
    private long sampledPeakWorkingSet;
    private long sampledPeakManaged;
    private Usage? result;

    private Measurement()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        hwmReset = TryResetHighWaterMark();
        loadBefore = LoadAverage();
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        sampledPeakWorkingSet = Environment.WorkingSet;
        sampledPeakManaged = GC.GetTotalMemory(forceFullCollection: false);
        sampler = new Thread(Sample) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        sampler.Start();
        clock = Stopwatch.StartNew();
    }

    public static Measurement Start() => new();

    public TimeSpan Elapsed => clock.Elapsed;

    public Usage Stop()
    {
        if (result is not null) return result;
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        stopping = true;
        sampler.Join();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
        var hwm = hwmReset ? ReadStatusKilobytes("VmHWM") * 1024 : 0;
        var peakWorkingSet = Math.Max(hwm, Math.Max(sampledPeakWorkingSet, Environment.WorkingSet));
        var peakManaged = Math.Max(sampledPeakManaged, GC.GetTotalMemory(forceFullCollection: false));
        result = new Usage(clock.Elapsed, cpu, peakWorkingSet, hwmReset && hwm > 0, peakManaged, GC.GetTotalMemory(forceFullCollection: true), allocated, loadBefore, LoadAverage());
        return result;
    }

    public void Dispose() => Stop();

    private void Sample()
    {
        while (!stopping)
        {
            sampledPeakWorkingSet = Math.Max(sampledPeakWorkingSet, Environment.WorkingSet);
            sampledPeakManaged = Math.Max(sampledPeakManaged, GC.GetTotalMemory(forceFullCollection: false));
            Thread.Sleep(50);
        }
    }

    /// <summary>The 1-minute load average from /proc/loadavg; NaN where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    /// <summary>Writing 5 to clear_refs resets the peak resident set size (Linux ≥ 4.0).</summary>
    private static bool TryResetHighWaterMark()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return ReadStatusKilobytes("VmHWM") > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long ReadStatusKilobytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
                var number = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}

/// <summary>Timestamps of phase changes within a measured step (e.g. from an importer's progress reports).</summary>
internal sealed class PhaseTimeline(Func<TimeSpan> now)
{
    private readonly List<(string Phase, TimeSpan Start)> marks = [];

    public void Mark(string phase)
    {
        if (marks.Count > 0 && marks[^1].Phase == phase) return;
        marks.Add((phase, now()));
        Trace(phase);
    }

    /// <summary>
    /// Logs a CLOCK_MONOTONIC timestamp (what <see cref="Stopwatch"/> uses on Linux) so that a profile taken with
    /// <c>perf record -k CLOCK_MONOTONIC</c> can be cut at the same instants.
    /// </summary>
    public static void Trace(string what) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [monotonic {Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency:0.000}] {what}"));

    /// <summary>Each phase with its duration; the last one runs until <paramref name="end"/>.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Duration)> Phases(TimeSpan end) =>
        marks.Select((m, i) => (m.Phase, (i + 1 < marks.Count ? marks[i + 1].Start : end) - m.Start)).ToList();
}

/// <summary>An <see cref="IProgress{T}"/> that runs the handler on the reporting thread (no synchronisation context hop).</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
