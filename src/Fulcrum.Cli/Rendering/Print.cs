namespace Fulcrum.Cli.Rendering;

/// <summary>The one output choice of the reporting commands: JSON with --json, else the command's tables.</summary>
public static class Print
{
    /// <summary>Writes <paramref name="result"/> as JSON when <paramref name="json"/> is set, else renders it; returns 0, the exit code of a command that got this far.</summary>
    public static int JsonOrTables<T>(bool json, T result, Action<T> renderTables)
    {
        StageTimes.Mark("output");
        if (json) Json.Write(result);
        else renderTables(result);
        return 0;
    }
}
