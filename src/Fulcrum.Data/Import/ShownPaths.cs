namespace Fulcrum.Data.Import;

/// <summary>
/// How an import names its files in what it reports and records (errors, rejects, date warnings, the import's record):
/// by the paths it was given, unless they are copies in folders of the server's own (a web upload), whose files are
/// named by their path inside the folder — the names the user uploaded them under — and never by the server's path.
/// </summary>
public sealed class ShownPaths
{
    readonly string[] _folders;

    ShownPaths(IEnumerable<string> folders) =>
        // Longest first, so a folder inside another is cut before its parent.
        _folders = folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).OrderByDescending(f => f.Length).ToArray();

    /// <summary>The paths as given (the CLI: the user's own paths).</summary>
    public static ShownPaths AsGiven { get; } = new([]);

    /// <summary>Files under <paramref name="folders"/> named by their path inside the folder.</summary>
    public static ShownPaths RelativeTo(params string[] folders) => new(folders);

    /// <summary>The name of one file: its path inside one of the folders, else the path as given.</summary>
    public string Of(string path)
    {
        if (_folders.Length == 0) return path;
        var full = Path.GetFullPath(path);
        foreach (var folder in _folders)
            if (full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return full[(folder.Length + 1)..];
        return path;
    }

    /// <summary><paramref name="text"/> with every path under the folders given by its path inside, and a folder itself as "the import's folder".</summary>
    public string InText(string text)
    {
        foreach (var folder in _folders)
            text = text.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(folder, "the import's folder", StringComparison.Ordinal);
        return text;
    }

    public Reject Of(Reject reject) => _folders.Length == 0 ? reject : reject with { File = Of(reject.File), Reason = InText(reject.Reason) };

    public DateWarning Of(DateWarning warning) => _folders.Length == 0 ? warning
        : warning with { Message = InText(warning.Message), Examples = warning.Examples.Select(e => e with { File = Of(e.File), Detail = InText(e.Detail) }).ToList() };
}
