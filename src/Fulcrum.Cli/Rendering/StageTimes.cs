using System.Diagnostics;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Cli.Rendering;

/// <summary>
/// With FULCRUM_STAGE_TIMES=1, a linkage run writes each stage's wall and CPU seconds to standard error instead of
/// drawing progress: where the time goes, on a loaded machine too (CPU seconds), without a profiler.
/// </summary>
internal static class StageTimes
{
    public static bool Enabled => Environment.GetEnvironmentVariable("FULCRUM_STAGE_TIMES") == "1";

    public static IProgress<LinkageProgress> Progress()
    {
        var wall = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        // The first line is the process start-up and everything before the linkage's first stage.
        string? stage = "start-up";
        var (stageWall, stageCpu) = (-(DateTime.Now - process.StartTime), TimeSpan.Zero);
        void End(string? next)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            if (stage is not null)
                Console.Error.WriteLine(FormattableString.Invariant($"{(wall.Elapsed - stageWall).TotalSeconds,7:F2} s wall {(cpu - stageCpu).TotalSeconds,7:F2} s CPU  {stage}"));
            (stage, stageWall, stageCpu) = (next, wall.Elapsed, cpu);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => End(null);
        return new SynchronousProgress<LinkageProgress>(p => { if (p.Stage != stage) End(p.Stage); });
    }
}
