using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;

namespace Fulcrum.Data.Import;

/// <summary>
/// Where a mapping's joined file may be: a relative path inside one folder, never an absolute path, a '..' step out
/// of it or a link to somewhere else. Checked before the file is looked at, so a refusal tells nothing about files
/// outside the folder (not even whether they exist).
/// </summary>
public static class JoinPath
{
    /// <param name="spec">The join as the mapping gives it (its file and line name a refusal).</param>
    public static string Resolve(JoinSpec spec, string? mappingFile, string folder)
    {
        var file = spec.File;
        var root = Path.GetFullPath(folder);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, file));
        var segments = file.Split('/', '\\');
        if (Path.IsPathRooted(file) || segments.Contains("..") || file.Contains('\0') || !path.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            throw Outside(spec, mappingFile);
        if (!File.Exists(path)) throw new SourceFormatException(path, null, "joined file not found.");
        // A link inside the folder may point anywhere (/etc/passwd, /dev/zero): its final target must be inside too.
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        if (!Path.GetFullPath(target).StartsWith(rootWithSeparator, StringComparison.Ordinal)) throw Outside(spec, mappingFile);
        return path;
    }

    static MappingException Outside(JoinSpec spec, string? mappingFile) =>
        new(mappingFile, spec.Line, $"joined file '{spec.File}' must be a file in the import's folder, named by a relative path without '..' (on the web: one of the uploaded files).");
}
