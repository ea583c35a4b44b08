using System.Globalization;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Store;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>One slider: an assumption the business case uses, its stored value and range.</summary>
public sealed record LeverSlider(string Name, string Label, string Unit, double Value, double Min, double Max, double Step)
{
    public string Display => Unit is "share" or "ratio" or "per year" ? Value.ToString("0.##%", CultureInfo.InvariantCulture) : Value.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + Unit;
}

/// <summary>A slider left out because nothing it moves is on record, and why.</summary>
public sealed record HiddenSlider(string Label, string Reason);

/// <summary>What the store holds that the sliders move: survey answers by metric, tickets, themes.</summary>
sealed record SliderData(IReadOnlyList<string> SurveyMetrics, bool HasTickets, bool HasThemes);

/// <summary>
/// The Levers page: sliders over the business-case assumptions; the table and chart come from /api/business-case. A slider
/// whose lever cannot exist on these data (its survey answers, tickets or themes are not on record) is not offered: the
/// page lists it with the reason instead, as the business case lists the lever as not valued.
/// </summary>
public sealed class LeversModel(StorePool pool) : PageModel
{
    // Slider ranges: the assumption's own range, narrowed to what is sensible to drag through (costs up to 4× the default).
    // Absent: why the slider moves nothing on these data (null when it may): what the store lacks. The effort and contact
    // levers and the agent-hour cost need tickets (cost to serve). Once the business case is in, the page also hides a lever
    // size whose lever the business case could not value (levers() in fulcrum.js), with the business case's reason listed.
    const string NoTickets = "no support tickets on record, so there is no cost to serve for it to move; import tickets (fulcrum import tickets FILE)";
    static readonly (string Name, string Label, Func<SliderData, string?> Absent)[] Shown =
    [
        ("lever_size_detractors_to_passive", "Detractors moved to passive", NoNps),
        ("lever_size_detractors_to_promoter", "Detractors moved to promoter", NoNps),
        ("lever_size_passives_to_promoter", "Passives moved to promoter", NoNps),
        ("lever_size_csat_dissatisfied_to_satisfied", "Dissatisfied (CSAT) moved to satisfied", d =>
            d.SurveyMetrics.Contains("csat") ? null : "no CSAT answers on record; import survey responses with a csat column"),
        ("lever_size_ces_reduction", "Lower customer effort (CES points)", d =>
            !d.SurveyMetrics.Contains("ces") ? "no CES answers on record; import survey responses with a ces column" : d.HasTickets ? null : NoTickets),
        ("lever_size_contact_reduction", "Support contacts avoided", d => d.HasTickets ? null : NoTickets),
        ("lever_size_fix_theme", "Extra churn removed by fixing a theme", d => d.HasThemes ? null : "no themes found in the comments yet (fulcrum themes)"),
        ("gross_margin", "Gross margin", _ => null),
        ("discount_rate", "Discount rate", _ => null),
        ("horizon_months", "Horizon", _ => null),
        ("cost_per_agent_hour", "Cost per agent hour", d => d.HasTickets ? null : NoTickets),
    ];

    static string? NoNps(SliderData d) => d.SurveyMetrics.Contains("nps") ? null : "no NPS answers on record; import survey responses with an nps column";

    public IReadOnlyList<LeverSlider> Sliders { get; private set; } = [];
    public IReadOnlyList<HiddenSlider> Hidden { get; private set; } = [];
    public int HorizonMonths { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var stored = (await AssumptionsApi.Read(pool, cancellation)).ToDictionary(a => a.Name);
        var data = await pool.ReadAsync(store => new SliderData(PrimarySurveyMetric.OnRecord(store),
            store.Scalar<long>("SELECT COUNT(*) FROM tickets") > 0,
            store.Scalar<long>("SELECT COUNT(*) FROM themes WHERE status = 'active'") > 0), cancellation);
        var offered = Shown.Where(s => stored.ContainsKey(s.Name)).Select(s => (s.Name, s.Label, Absent: s.Absent(data))).ToList();
        Hidden = offered.Where(s => s.Absent is not null).Select(s => new HiddenSlider(s.Label, s.Absent!)).ToList();
        Sliders = offered.Where(s => s.Absent is null).Select(s =>
        {
            var a = stored[s.Name];
            var max = double.IsFinite(a.Max) ? Math.Min(a.Max, a.Unit.StartsWith("USD", StringComparison.Ordinal) ? Math.Max(a.Default * 4, a.Value) : a.Max) : a.Value * 4;
            var min = double.IsFinite(a.Min) ? a.Min : 0;
            // Steps that land on round values (and on the stored value), so a slider never shows 0.48 for 0.5.
            var step = a.Name == "horizon_months" ? 12 : a.Unit is "share" or "ratio" or "per year" ? 0.01 : max - min <= 10 ? 0.1 : max - min <= 1000 ? 1 : Math.Pow(10, Math.Floor(Math.Log10((max - min) / 100)));
            if (a.Name == "horizon_months") (min, max) = (12, Math.Min(60, a.Max));
            return new LeverSlider(a.Name, s.Label, a.Unit, a.Value, min, max, step);
        }).ToList();
        HorizonMonths = (int)Math.Round(stored.TryGetValue("horizon_months", out var h) ? h.Value : 24);
    }
}
