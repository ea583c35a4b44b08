namespace Fulcrum.Data.Import;

/// <summary>One value or row that could not be imported, named down to file, line and column.</summary>
public sealed record Reject(string File, long? Line, string? Table, string? Column, string? Field, string? Value, string Reason)
{
    public override string ToString()
    {
        var where = Line is null ? File : $"{File}:{Line}";
        var what = Column is null ? "" : $" column '{Column}'";
        var field = Field is null || Field == Column ? "" : $" (→ {Table}.{Field})";
        var value = Value is null ? "" : $" value '{Value}'";
        return $"{where}{what}{field}{value}: {Reason}";
    }
}
