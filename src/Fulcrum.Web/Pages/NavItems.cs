namespace Fulcrum.Web.Pages;

/// <summary>The dashboard's pages in menu order. A capability's page joins the list when its analytics are on main.</summary>
public static class NavItems
{
    /// <summary>Repeat purchases: in the menu only where the store has orders (on a company that renews the page only says it does not apply).</summary>
    public const string OrdersOnly = "/repeat-purchases";

    public static readonly IReadOnlyList<(string Href, string Label)> Visible =
    [
        ("/", "Overview"),
        ("/drilldown", "Drill-down"),
        ("/levers", "Levers"),
        ("/themes", "Themes"),
        ("/value", "Value"),
        (OrdersOnly, "Repeat purchases"),
        ("/cohorts", "Cohorts"),
        ("/followups", "Follow-ups"),
        ("/reports", "Reports"),
        ("/data", "Data"),
        ("/assumptions", "Assumptions"),
    ];

    /// <summary>The menu of a store with or without orders.</summary>
    public static IEnumerable<(string Href, string Label)> Shown(bool hasOrders) => Visible.Where(item => hasOrders || item.Href != OrdersOnly);
}
