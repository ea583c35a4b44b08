using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Import.Proposal;

/// <summary>The other data files beside a file, which `fulcrum map` may propose to join (and only those a mapping could join).</summary>
/// <param name="Files">Full paths, in name order, at most <see cref="SiblingFiles.MaxFiles"/>.</param>
/// <param name="LeftOut">Further data files in the folder that were not looked at because of the limit.</param>
public sealed record Siblings(IReadOnlyList<string> Files, int LeftOut)
{
    public static readonly Siblings None = new([], 0);
}

/// <summary>
/// Finds the files in the same folder as a source file that a mapping may join: CSV, TSV, XLSX, Parquet and JSON Lines files
/// directly in that folder (no subfolders), held to the same rule as a mapping's joins (<see cref="JoinPath"/>: a link that
/// points out of the folder is left out), and small enough to be joined (<see cref="ImportLimits.MaxJoinBytes"/>).
/// </summary>
public static class SiblingFiles
{
    /// <summary>At most this many files are looked at, so that `map` stays quick in a crowded folder.</summary>
    public const int MaxFiles = 20;

    static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".csv", ".tsv", ".tab", ".xlsx", ".parquet", ".pq", ".jsonl", ".ndjson" };

    public static Siblings Find(string path)
    {
        var self = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(self);
        if (folder is null || !Directory.Exists(folder)) return Siblings.None;
        var selfTarget = Target(self);
        var found = new List<string>();
        var leftOut = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') || !Extensions.Contains(Path.GetExtension(name)) || Target(file) == selfTarget || !Joinable(name, folder)) continue;
            if (found.Count == MaxFiles) { leftOut++; continue; }
            found.Add(file);
        }
        return new Siblings(found, leftOut);
    }

    /// <summary>Whether a mapping could join the file: inside the folder once links are followed, and not too large to hold.</summary>
    static bool Joinable(string name, string folder)
    {
        try
        {
            var path = JoinPath.Resolve(new JoinSpec(name, "", new SourceOptions(), 0), null, folder);
            return new FileInfo(Target(path)).Length <= ImportLimits.Default.MaxJoinBytes;
        }
        catch (Exception e) when (e is MappingException or SourceFormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    static string Target(string path) => Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
}
