using System.Globalization;
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

/// <summary>The Levers page: sliders over the business-case assumptions; the table and chart come from /api/business-case.</summary>
public sealed class LeversModel(StorePool pool) : PageModel
{
    // Slider ranges: the assumption's own range, narrowed to what is sensible to drag through (costs up to 4× the default).
    static readonly (string Name, string Label)[] Shown =
    [
        ("lever_size_detractors_to_passive", "Detractors moved to passive"),
        ("lever_size_detractors_to_promoter", "Detractors moved to promoter"),
        ("lever_size_passives_to_promoter", "Passives moved to promoter"),
        ("lever_size_csat_dissatisfied_to_satisfied", "Dissatisfied (CSAT) moved to satisfied"),
        ("lever_size_ces_reduction", "Lower customer effort (CES points)"),
        ("lever_size_contact_reduction", "Support contacts avoided"),
        ("lever_size_fix_theme", "Extra churn removed by fixing a theme"),
        ("gross_margin", "Gross margin"),
        ("discount_rate", "Discount rate"),
        ("horizon_months", "Horizon"),
        ("cost_per_agent_hour", "Cost per agent hour"),
    ];

    public IReadOnlyList<LeverSlider> Sliders { get; private set; } = [];
    public int HorizonMonths { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var stored = (await AssumptionsApi.Read(pool, cancellation)).ToDictionary(a => a.Name);
        Sliders = Shown.Where(s => stored.ContainsKey(s.Name)).Select(s =>
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
