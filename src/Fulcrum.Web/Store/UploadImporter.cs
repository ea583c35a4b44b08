using Fulcrum.Data.Import;
using Fulcrum.Web.Api;
using Fulcrum.Web.Options;
using Microsoft.Extensions.Options;

namespace Fulcrum.Web.Store;

public sealed record UploadResult(string ImportId, string Status, long RowsRead, long Inserted, long Updated, long RejectedRows,
    IReadOnlyList<TableImportStats> Tables, IReadOnlyList<Reject> FirstRejects, IReadOnlyList<string> UnmappedColumns,
    IReadOnlyList<DateWarning> Warnings);

/// <summary>
/// Runs an uploaded file through the same <see cref="Importer"/> as <c>fulcrum import</c>, in the single writer. The upload,
/// its mapping and the files the mapping joins are saved to a private temporary folder (removed afterwards); a mapping may
/// join only those uploaded files, and the web's import limits apply (<see cref="LimitsOptions"/>).
/// </summary>
public sealed class UploadImporter(StoreWriter writer, IOptions<LimitsOptions> limits)
{
    public async Task<UploadResult> ImportAsync(string table, IFormFile file, IFormFile? mapping, IReadOnlyList<IFormFile> joined, bool dryRun, bool skipInvalid,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(table)) throw new ArgumentException("Choose the table to import into (or 'all' with a mapping).", nameof(table));
        if (file.Length == 0) throw new ArgumentException("The uploaded file is empty.", nameof(file));
        var folder = Directory.CreateTempSubdirectory("fulcrum-upload-");
        try
        {
            var data = folder.CreateSubdirectory("data");
            var mappings = folder.CreateSubdirectory("mapping");
            var source = await Save(file, data.FullName, nameof(file), cancellation);
            foreach (var join in joined) await Save(join, data.FullName, "join", cancellation);
            var mappingPath = mapping is null || mapping.Length == 0 ? null : await Save(mapping, mappings.FullName, nameof(mapping), cancellation);
            // Errors, rejects, warnings and the import's record name the files as uploaded, never by the server's temporary copies.
            var request = new ImportRequest(table.Trim(), source, mappingPath, dryRun, skipInvalid, JoinFolder: data.FullName, Limits: limits.Value.ImportLimits,
                Shown: ShownPaths.RelativeTo(data.FullName, mappings.FullName, folder.FullName));
            var result = await writer.RunAsync(store => new Importer(store).Run(request), changesData: !dryRun, cancellation);
            return new UploadResult(result.ImportId, result.Status.ToString().ToLowerInvariant(), result.RowsRead, result.Inserted, result.Updated,
                result.RejectedRows, result.Tables, result.Rejects.Take(100).ToList(), result.UnmappedColumns, result.Warnings);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Saves an upload under its own name (the importer reads the format from the extension; joins name files),
    /// which must be a plain file name: no folders, no '.' or '..', no control characters, at most 100 characters.</summary>
    static async Task<string> Save(IFormFile file, string folder, string field, CancellationToken cancellation)
    {
        var name = file.FileName;
        if (name.Length is 0 or > 100 || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Any(char.IsControl)
            || name.Contains('\\') || name.StartsWith('.'))
            throw new ArgumentException($"Upload file names must be plain names of 1 to 100 characters without folders (like answers.csv), not '{new string(name.Take(100).Select(c => char.IsControl(c) ? '?' : c).ToArray())}'.", field);
        var path = Path.Combine(folder, name);
        if (File.Exists(path)) throw new ArgumentException($"Two uploaded files are named '{name}'.", field);
        await using var output = File.Create(path);
        await file.CopyToAsync(output, cancellation);
        return path;
    }
}
