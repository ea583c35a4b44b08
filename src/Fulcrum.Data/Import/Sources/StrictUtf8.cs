using System.Text;

namespace Fulcrum.Data.Import.Sources;

/// <summary>
/// UTF-8 that refuses invalid bytes instead of turning them into U+FFFD: a file in another encoding (Latin-1, a binary
/// file) is reported, not imported with its text silently damaged.
/// </summary>
internal static class StrictUtf8
{
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceFormatException Error(string path, long line, Exception inner) =>
        new(path, line, "the file is not valid UTF-8 at or after this line (save it as UTF-8, or convert it with e.g. `iconv -f latin1 -t utf-8`).", inner);
}
