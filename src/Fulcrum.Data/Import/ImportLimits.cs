namespace Fulcrum.Data.Import;

/// <summary>
/// Bounds on what one import may read and stage, so that a mapping (an expression, a repeat, a join) or a file cannot
/// turn a small input into gigabytes. Checked while reading, dry runs included; exceeding one refuses the import with
/// a message that names the limit. The web app sets lower ones (docs/security.md).
/// </summary>
/// <param name="MaxStagedRows">Rows staged over all tables (after <c>repeat</c>).</param>
/// <param name="MaxColumns">Columns of the source file or of a joined file.</param>
/// <param name="MaxJoinBytes">Size of one joined file; joined files are lookups held in memory.</param>
/// <param name="MaxJoinRows">Rows of one joined file.</param>
public sealed record ImportLimits(long MaxStagedRows, int MaxColumns, long MaxJoinBytes, long MaxJoinRows)
{
    /// <summary>For the command line: large enough for a few million rows of real data.</summary>
    public static readonly ImportLimits Default = new(MaxStagedRows: 50_000_000, MaxColumns: 1_000, MaxJoinBytes: 512L * 1024 * 1024, MaxJoinRows: 5_000_000);
}
