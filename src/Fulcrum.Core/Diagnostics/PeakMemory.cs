using System.Globalization;

namespace Fulcrum.Core.Diagnostics;

/// <summary>
/// The process's peak resident set size over a span of work, from the kernel's high-water mark (VmHWM): reset it
/// with <see cref="TryReset"/> (writing "5" to /proc/self/clear_refs, Linux ≥ 4.0) before the work and read it with
/// <see cref="ReadMegabytes"/> after. It counts native memory (DuckDB's buffer pool) as well as the managed heap.
/// Where the platform cannot tell (not Linux, /proc not writable) the peak is null rather than a guess.
/// </summary>
public static class PeakMemory
{
    /// <summary>Resets the high-water mark to the current resident set; false where that is not possible.</summary>
    public static bool TryReset()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return ReadStatusKilobytes("VmHWM") is > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak resident set since the last reset (or since start) in MB of 2^20 bytes; null where unknown.</summary>
    public static double? ReadMegabytes() => ReadStatusKilobytes("VmHWM") is { } kb ? kb / 1024.0 : null;

    /// <summary>The current resident set in MB of 2^20 bytes; null where unknown.</summary>
    public static double? ReadResidentMegabytes() => ReadStatusKilobytes("VmRSS") is { } kb ? kb / 1024.0 : null;

    static long? ReadStatusKilobytes(string field)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
                var number = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }
}
