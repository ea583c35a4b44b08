namespace Fulcrum.Web.Pages;

/// <summary>The dashboard's pages in menu order. A capability's page joins the list when its analytics are on main.</summary>
public static class NavItems
{
    public static readonly IReadOnlyList<(string Href, string Label)> Visible =
    [
        ("/", "Overview"),
        ("/drilldown", "Drill-down"),
        ("/levers", "Levers"),
        ("/themes", "Themes"),
        ("/value", "Value"),
        ("/repeat-purchases", "Repeat purchases"),
        ("/cohorts", "Cohorts"),
        ("/followups", "Follow-ups"),
        ("/reports", "Reports"),
        ("/data", "Data"),
        ("/assumptions", "Assumptions"),
    ];
}
