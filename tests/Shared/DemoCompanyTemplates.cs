using System.Collections.Concurrent;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Tests.Shared;

/// <summary>
/// Demo companies generated once per test process and copied for each fixture that needs one (linked into the test
/// projects). Many fixtures ask for the same company (3,000 accounts, seed 42; the web app's 1,000 accounts); generating
/// it for each was most of their set-up time. A copy of the file is a fresh store, so fixtures still cannot see each
/// other's writes and still run in parallel.
/// </summary>
internal static class DemoCompanyTemplates
{
    static readonly ConcurrentDictionary<DemoCompanyOptions, Lazy<string>> Templates = new();
    const string FolderPrefix = "fulcrum-templates-";

    static readonly Lazy<string> Folder = new(() =>
    {
        RemoveFoldersOfEndedProcesses();
        var folder = Directory.CreateTempSubdirectory($"{FolderPrefix}{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        };
        return folder;
    });

    /// <summary>
    /// Template folders of test processes that have ended. The test host is often stopped without running ProcessExit,
    /// which left a folder (up to ~200 MB after the Analytics tests) in the temp folder per run.
    /// </summary>
    static void RemoveFoldersOfEndedProcesses()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*-*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var pid) || OwnerProcess.IsRunning(pid)) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Creates the DuckDB file <paramref name="path"/> holding the demo company of <paramref name="options"/>.</summary>
    public static void CopyTo(string path, DemoCompanyOptions options)
    {
        var template = Templates.GetOrAdd(options, o => new Lazy<string>(() => Generate(o))).Value;
        File.Copy(template, path);
    }

    /// <summary>The demo company of <paramref name="options"/> in a new DuckDB file at <paramref name="path"/>, opened.</summary>
    public static FulcrumStore Open(string path, DemoCompanyOptions options)
    {
        CopyTo(path, options);
        return FulcrumStore.Open(path);
    }

    /// <summary>
    /// A new database of the test PostgreSQL cluster holding the demo company of <paramref name="options"/> (generated into
    /// PostgreSQL once per test process, then copied as a template); returns its connection string.
    /// </summary>
    public static string PostgresDatabase(DemoCompanyOptions options, string prefix) =>
        PostgresCluster.Instance.CreateDatabaseFrom($"demo {options}", connectionString =>
        {
            using var store = FulcrumStore.Open(connectionString);
            DemoCompanyGenerator.Generate(store, options);
        }, prefix);

    static string Generate(DemoCompanyOptions options)
    {
        var path = Path.Combine(Folder.Value, $"{Guid.NewGuid():N}.duckdb");
        // Closing the store checkpoints everything into the one file, so the file alone is the company.
        using (var store = FulcrumStore.Open(path)) DemoCompanyGenerator.Generate(store, options);
        if (File.Exists(path + ".wal")) throw new InvalidOperationException($"The template {path} kept a write-ahead log after closing; a copy of the file alone would miss data.");
        return path;
    }
}
