using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(string Nproc, string CpuModel, string Ram, string Os, string Dotnet, string DuckDb)
{
    public static MachineInfo Collect(string duckDbVersion) => new(
        Run("nproc") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ReadCpuModel(),
        ReadRam(),
        ReadOs(),
        $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)",
        duckDbVersion);

    private static string ReadCpuModel()
    {
        try
        {
            var model = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim();
            if (!string.IsNullOrEmpty(model)) return model;
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string ReadRam()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kb = long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return Format.Bytes(kb * 1024);
            }
        }
        catch (IOException)
        {
        }

        return Format.Bytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    private static string ReadOs()
    {
        string? pretty = null;
        try
        {
            pretty = File.ReadLines("/etc/os-release")
                .FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?
                ["PRETTY_NAME=".Length..].Trim('"');
        }
        catch (IOException)
        {
        }

        string? kernel = null;
        try
        {
            kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        }
        catch (IOException)
        {
        }

        var os = pretty ?? RuntimeInformation.OSDescription;
        return kernel is null ? os : $"{os}, kernel {kernel}";
    }

    private static string? Run(string command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command) { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

internal static class Format
{
    public static string Bytes(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");

    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.00} s");

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(long rows, TimeSpan t) => t.TotalSeconds <= 0 ? "–" : ((long)(rows / t.TotalSeconds)).ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(TimeSpan part, TimeSpan whole) =>
        whole.TotalSeconds <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100 * part.TotalSeconds / whole.TotalSeconds:0}%");
}
