using Fulcrum.Data.Import;
using Fulcrum.Web.Api;

namespace Fulcrum.Web.Store;

public sealed record UploadResult(string ImportId, string Status, long RowsRead, long Inserted, long Updated, long RejectedRows,
    IReadOnlyList<TableImportStats> Tables, IReadOnlyList<Reject> FirstRejects, IReadOnlyList<string> UnmappedColumns);

/// <summary>
/// Runs an uploaded file through the same <see cref="Importer"/> as <c>fulcrum import</c>, in the single writer. The upload
/// is saved to a private temporary folder under its own file name (the importer reads the format from the extension)
/// and removed afterwards.
/// </summary>
public sealed class UploadImporter(StoreWriter writer)
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public async Task<UploadResult> ImportAsync(string table, IFormFile file, IFormFile? mapping, bool dryRun, bool skipInvalid, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(table)) throw new ArgumentException("Choose the table to import into (or 'all' with a mapping).", nameof(table));
        if (file.Length == 0) throw new ArgumentException("The uploaded file is empty.", nameof(file));
        if (file.Length > MaxUploadBytes) throw new ArgumentException($"The file is larger than {MaxUploadBytes / 1024 / 1024} MB; use `fulcrum import` for it.", nameof(file));
        var folder = Directory.CreateTempSubdirectory("fulcrum-upload-");
        try
        {
            var source = await Save(file, folder.FullName, cancellation);
            var mappingPath = mapping is null || mapping.Length == 0 ? null : await Save(mapping, folder.CreateSubdirectory("mapping").FullName, cancellation);
            var request = new ImportRequest(table.Trim(), source, mappingPath, dryRun, skipInvalid);
            var result = await writer.RunAsync(store => new Importer(store).Run(request), changesData: !dryRun, cancellation);
            return new UploadResult(result.ImportId, result.Status.ToString().ToLowerInvariant(), result.RowsRead, result.Inserted, result.Updated,
                result.RejectedRows, result.Tables, result.Rejects.Take(100).Select(r => r with { File = file.FileName }).ToList(), result.UnmappedColumns);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static async Task<string> Save(IFormFile file, string folder, CancellationToken cancellation)
    {
        var name = Path.GetFileName(file.FileName);
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) name = "upload.csv";
        var path = Path.Combine(folder, name);
        await using var output = File.Create(path);
        await file.CopyToAsync(output, cancellation);
        return path;
    }
}
