using System.Text.Json.Serialization;

namespace Fulcrum.Data.Import;

/// <summary>One value or row that could not be imported, named down to file, line and column.</summary>
/// <param name="File">The file the value came from: the imported file, or the joined file it was looked up in.</param>
/// <param name="Line">The value's line in <paramref name="File"/>.</param>
public sealed record Reject(string File, long? Line, string? Table, string? Column, string? Field, string? Value, string Reason)
{
    /// <summary>When <see cref="File"/> is a joined file: the line of the imported file's row the reject keeps out; else null.</summary>
    public long? RowLine { get; init; }

    /// <summary>
    /// When this row is kept out only because another was rejected (a group_by group with one bad row): that row's line.
    /// Such rejects are listed after the ones that say what is wrong, so the first screenful shows the cause.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CausedByLine { get; init; }

    /// <summary>The imported file's line of the row kept out (rejected rows are counted and ordered by it).</summary>
    [JsonIgnore]
    public long? Row => RowLine ?? Line;

    public override string ToString()
    {
        var where = Line is null ? File : $"{File}:{Line}";
        var what = Column is null ? "" : $" column '{Column}'";
        var field = Field is null || Field == Column ? "" : $" (→ {Table}.{Field})";
        var value = Value is null ? "" : $" value '{Value}'";
        return $"{where}{what}{field}{value}: {Reason}";
    }
}
