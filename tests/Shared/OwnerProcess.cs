namespace Fulcrum.Tests.Shared;

/// <summary>
/// Temporary folders that test processes leave behind are named after their owner's process id; one is removed only once
/// that process is gone (test projects run side by side, and another host's folder may be in use).
/// </summary>
internal static class OwnerProcess
{
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; } // no process with that id
        catch (InvalidOperationException) { return false; }
    }
}
