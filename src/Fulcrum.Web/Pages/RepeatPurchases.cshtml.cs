using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Repeat purchases by score level and the lever's money; the figures come from /api/repeat-purchase (`fulcrum repeat-purchase`).</summary>
public sealed class RepeatPurchasesModel(SalesModelCache sales) : PageModel
{
    public SalesModel Sales { get; private set; } = new(false, false);

    public async Task OnGetAsync(CancellationToken cancellation) => Sales = await sales.GetAsync(cancellation);
}
