using System.Diagnostics.CodeAnalysis;

namespace Fulcrum.Cli.Commands;

/// <summary>Comma-separated option values (--metric nps,csat, --by segment,region), trimmed, empty entries dropped.</summary>
static class CliLists
{
    /// <summary>The items of <paramref name="text"/>; null when the option was not given, so the analysis can use its defaults.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string[]? Split(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
