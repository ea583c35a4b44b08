using System.Diagnostics;
using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Cli.Rendering;

/// <summary>
/// With FULCRUM_STAGE_TIMES=1, a command writes each stage's wall and CPU seconds to standard error (the runtime's start,
/// the command line, opening the store, the work, the output; a linkage run its own stages instead of drawing progress):
/// where the time goes, on a loaded machine too (CPU seconds), without a profiler.
/// </summary>
internal static class StageTimes
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("FULCRUM_STAGE_TIMES") == "1";

    static string? _stage;
    static TimeSpan _stageWall, _stageCpu, _stageJit;
    static long _stageJitted;
    static Stopwatch? _wall;

    /// <summary>Ends the current stage (the first: the runtime's start, from the process's start) and begins <paramref name="next"/>.</summary>
    public static void Mark(string next)
    {
        if (!Enabled) return;
        if (_wall is null)
        {
            _wall = Stopwatch.StartNew();
            using var process = Process.GetCurrentProcess();
            (_stage, _stageWall) = ("runtime start-up", -(DateTime.Now - process.StartTime));
            AppDomain.CurrentDomain.ProcessExit += (_, _) => End(null);
        }
        End(next);
    }

    static void End(string? next)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = _wall!.Elapsed;
        // Methods compiled just in time: what ReadyToRun did not cover (generic instantiations, emitted code such as Dapper's).
        var (jitted, jit) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        if (_stage is not null)
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{(wall - _stageWall).TotalSeconds,7:F2} s wall {(cpu - _stageCpu).TotalSeconds,7:F2} s CPU {jitted - _stageJitted,6} jitted ({(jit - _stageJit).TotalSeconds:F2} s)  {_stage}"));
        (_stage, _stageWall, _stageCpu, _stageJitted, _stageJit) = (next, wall, cpu, jitted, jit);
    }

    /// <summary>The linkage's stages as marks.</summary>
    public static IProgress<LinkageProgress> Progress() =>
        new SynchronousProgress<LinkageProgress>(p => { if (p.Stage != _stage) Mark(p.Stage); });
}
