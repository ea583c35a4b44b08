namespace Fulcrum.Data.Import;

/// <param name="Table">A canonical table name, or "all" for every table the mapping fills.</param>
/// <param name="DryRun">Validate and report what would change, writing nothing.</param>
/// <param name="SkipInvalid">Import the valid rows and record every reject, instead of refusing the whole file.</param>
/// <param name="JoinFolder">The folder a mapping's joined files must be in; null: the mapping's own folder.</param>
/// <param name="Limits">Bounds on what the import may read and stage; null: <see cref="ImportLimits.Default"/>.</param>
/// <param name="Shown">How errors, rejects, warnings and the import's record name the files; null: <see cref="ShownPaths.AsGiven"/>.</param>
public sealed record ImportRequest(string Table, string File, string? MappingFile = null, bool DryRun = false, bool SkipInvalid = false,
    string? JoinFolder = null, ImportLimits? Limits = null, ShownPaths? Shown = null)
{
    public const string AllTables = "all";
}

public enum ImportStatus { Committed, Rejected, DryRun }

/// <summary>What happened to one canonical table in an import.</summary>
/// <param name="Folded">Source rows folded by <c>group_by</c> into a row that an earlier line started.</param>
public sealed record TableImportStats(string Table, long Staged, long Inserted, long Updated, long Unchanged, long Rejected, long Filtered, long CollapsedDuplicates,
    long Folded = 0);

public sealed record ImportResult(
    string ImportId,
    ImportStatus Status,
    string File,
    string? MappingFile,
    long RowsRead,
    IReadOnlyList<TableImportStats> Tables,
    IReadOnlyList<Reject> Rejects,
    IReadOnlyList<string> UnmappedColumns,
    int FollowupsOpened = 0,
    IReadOnlyList<DateWarning>? DateWarnings = null,
    bool SkipInvalid = false,
    string? FollowupRule = null)
{
    /// <summary>A dry run that found invalid rows without --skip-invalid: the import itself would write nothing.</summary>
    public bool WouldBeRefused => Status == ImportStatus.DryRun && Rejects.Count > 0 && !SkipInvalid;

    /// <summary>Dates imported but hard to believe (before the account's creation, in the future); they do not stop an import.</summary>
    public IReadOnlyList<DateWarning> Warnings => DateWarnings ?? [];

    public long RejectedRows => Rejects.Select(r => (r.Table, r.Row)).Distinct().LongCount();
    public long Inserted => Tables.Sum(t => t.Inserted);
    public long Updated => Tables.Sum(t => t.Updated);
}

/// <summary>Progress of a running import, for a progress bar.</summary>
public sealed record ImportProgress(string Phase, long RowsRead, double Fraction);
