using System.Globalization;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>The assumptions table; analysts and admins edit values (the same write as PUT /api/assumptions/{name}).</summary>
public sealed class AssumptionsModel(StorePool pool, StoreWriter writer) : PageModel
{
    public IReadOnlyList<Fulcrum.Data.Store.AssumptionValue> Items { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => Items = await AssumptionsApi.Read(pool, cancellation);

    public async Task<IActionResult> OnPostAsync(string name, string value, CancellationToken cancellation)
    {
        if (!CanEdit) return Forbid();
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            (Message, Failed) = ($"'{value}' is not a number.", true);
        else
        {
            try
            {
                await AssumptionsApi.Set(writer, name, number, cancellation);
                Message = $"{name} is now {number.ToString(CultureInfo.InvariantCulture)}.";
            }
            catch (ArgumentException e)
            {
                (Message, Failed) = (ServerPaths.Hide(e.Message.Split(" (Parameter")[0]), true);
            }
        }
        Items = await AssumptionsApi.Read(pool, cancellation);
        return Page();
    }
}
