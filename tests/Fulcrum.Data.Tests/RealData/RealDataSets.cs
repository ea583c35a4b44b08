using System.Globalization;
using CsvHelper;

namespace Fulcrum.Data.Tests.RealData;

/// <summary>
/// Locates the real public data sets in ../shared/data beside the repository (they may not be copied into it; see its README).
/// Missing data fails the test with where it looked: these tests never skip.
/// </summary>
internal static class RealDataSets
{
    const string SolutionFile = "Fulcrum.slnx";

    static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string RepoRoot => Root.Value;

    public static string Twitter => Folder("twitter-airline-sentiment");
    public static string Telco => Folder("telco-churn-ibm-extended");

    /// <summary>A shipped mapping, from the repository's mappings/ folder.</summary>
    public static string Mapping(string name)
    {
        var path = Path.Combine(RepoRoot, "mappings", name);
        Assert.True(File.Exists(path), $"shipped mapping {path} is missing");
        return path;
    }

    public static string DataFile(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        Assert.True(File.Exists(path), $"real data file {path} is missing; ../shared/data must hold the data sets described in its README.");
        return path;
    }

    static string Folder(string name)
    {
        var data = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        var folder = Path.Combine(data, name);
        if (!Directory.Exists(folder))
            Assert.Fail($"Real data set '{name}' not found: looked in {folder} (../shared/data relative to the repository root {RepoRoot}). " +
                        "CI needs the shared folder (with data/) checked out beside the repository; these tests fail rather than skip without it.");
        return folder;
    }

    static string FindRepoRoot()
    {
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new InvalidOperationException($"No folder containing {SolutionFile} above {start}: cannot locate the repository root (and so ../shared/data).");
    }

    /// <summary>Reads a CSV with CsvHelper into dictionaries (column → text), independently of the importer.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(header.Select((h, i) => (h, csv.GetField(i) ?? "")).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal));
        return rows;
    }
}
