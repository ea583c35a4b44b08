using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Store;
using Fulcrum.Web.Access;
using Fulcrum.Web.Api;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fulcrum.Web.Pages;

/// <summary>Tables, imports and rejects (the same reads as /api/status, /api/imports), and uploads for analysts.</summary>
public sealed class DataModel(StorePool pool, StatusCache status, UploadImporter importer) : PageModel
{
    public StatusInfo Status { get; private set; } = null!;
    public Page<ImportRunSummary> Imports { get; private set; } = null!;
    public RejectsPage? Rejects { get; private set; }
    public UploadResult? Upload { get; private set; }
    public string? Message { get; private set; }
    public bool Failed { get; private set; }
    public bool CanUpload => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(string? import, CancellationToken cancellation) => await Load(import, cancellation);

    public async Task<IActionResult> OnPostUploadAsync(string table, IFormFile? file, IFormFile? mapping, bool dryRun, bool skipInvalid, CancellationToken cancellation)
    {
        if (!CanUpload) return Forbid();
        try
        {
            if (file is null) throw new ArgumentException("Choose a file to import.", nameof(file));
            Upload = await importer.ImportAsync(table, file, mapping, Request.Form.Files.GetFiles("join"), dryRun, skipInvalid, cancellation);
            Message = Upload.Status switch
            {
                "committed" => "Imported.",
                "dryrun" => "Validated; nothing was written.",
                _ => "Nothing was imported: the file has invalid rows (see below, or tick 'Skip invalid rows').",
            };
            Failed = Upload.Status == "rejected";
        }
        catch (Exception e) when (e is ArgumentException or ImportException or MappingException or SourceFormatException)
        {
            Message = ServerPaths.Hide(e.Message);
            Failed = true;
        }
        await Load(Upload?.Status == "rejected" ? Upload.ImportId : null, cancellation);
        return Page();
    }

    async Task Load(string? import, CancellationToken cancellation)
    {
        Status = (await DataApi.GetStatus(status, cancellation)).Value!;
        Imports = (await DataApi.GetImports(pool, 1, 20, cancellation)).Value!;
        if (!string.IsNullOrWhiteSpace(import) && (await DataApi.GetRejects(pool, import, 1, 200, cancellation)).Result is Microsoft.AspNetCore.Http.HttpResults.Ok<RejectsPage> ok)
            Rejects = ok.Value;
    }
}
