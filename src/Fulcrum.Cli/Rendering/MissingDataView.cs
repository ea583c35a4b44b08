using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Cli.Rendering;

/// <summary>An analysis the data cannot support: the reason and what to import, as text or as JSON with isDefined: false.</summary>
public static class MissingDataView
{
    public static int Render(MissingDataException missing, bool json)
    {
        if (json) Json.Write(new { IsDefined = false, Reason = missing.Message, Missing = missing.Missing });
        else
        {
            AnsiConsole.MarkupLine($"[yellow]Not available:[/] {Markup.Escape(missing.Message)}");
            foreach (var m in missing.Missing) AnsiConsole.MarkupLine($"  Import {Markup.Escape(m)}");
        }
        return 0;
    }
}
