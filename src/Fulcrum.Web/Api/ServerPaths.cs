using System.Text.RegularExpressions;

namespace Fulcrum.Web.Api;

/// <summary>
/// Keeps the server's temporary paths out of what a browser or an API caller is shown: a path under the temporary folder
/// (an upload's copy, the database's spill folder, a report being written) is named by its last part. Uploads already
/// name their files as uploaded (<see cref="Fulcrum.Data.Import.ShownPaths"/>); this is the net under every error
/// message that reaches a response or a page.
/// </summary>
public static class ServerPaths
{
    static readonly Regex TempPath = new(Regex.Escape(Path.GetTempPath()) + """[^\s'"`,;:()\[\]<>]*""", RegexOptions.Compiled);

    public static string Hide(string message) => TempPath.Replace(message, m =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(m.Value)) is { Length: > 0 } name ? name : "a temporary folder");
}
