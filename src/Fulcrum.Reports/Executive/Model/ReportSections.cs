namespace Fulcrum.Reports.Executive.Model;

/// <summary>The report's sections, in document order (names used for headings, sheets and <see cref="MissingSection"/>).</summary>
public static class ReportSections
{
    public const string Trends = "NPS, CSAT and CES trends";
    public const string Growth = "Trouble hidden under growth";
    public const string Levers = "Levers to fund";
    public const string Themes = "Themes in the comments";
    public const string Initiatives = "Initiatives";
    public const string References = "Reference program";
    public const string Followups = "Follow-ups (closed loop)";
    public const string Assumptions = "Assumptions and methods";
    public const string Coverage = "Data coverage and warnings";
}
