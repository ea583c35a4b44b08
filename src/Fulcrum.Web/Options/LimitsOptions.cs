namespace Fulcrum.Web.Options;

/// <summary>
/// Request and import limits of the web app (configuration section <c>Fulcrum:Limits</c>). Body limits apply before a
/// body is read (413 when exceeded); import limits bound what one upload may stage (see docs/security.md).
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Fulcrum:Limits";

    /// <summary>Largest body of an ordinary request (JSON edits, forms). Intake has its own (<see cref="IntakeOptions.MaxBodyBytes"/>).</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest upload to <c>POST /api/imports</c> (file, mapping and joined files together).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Rows one upload may stage over all tables (after 'repeat'), dry runs included.</summary>
    public long MaxStagedRows { get; set; } = 5_000_000;

    /// <summary>Columns of an uploaded or joined file.</summary>
    public int MaxColumns { get; set; } = 500;

    /// <summary>Size and rows of one joined file.</summary>
    public long MaxJoinBytes { get; set; } = 50L * 1024 * 1024;

    public long MaxJoinRows { get; set; } = 1_000_000;

    public Fulcrum.Data.Import.ImportLimits ImportLimits => new(MaxStagedRows, MaxColumns, MaxJoinBytes, MaxJoinRows);
}
