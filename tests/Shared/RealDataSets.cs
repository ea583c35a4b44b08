using System.Globalization;
using CsvHelper;

namespace Fulcrum.Tests.Shared;

/// <summary>Shared by the test projects (linked into each).
/// Locates the repository (the folder holding Fulcrum.slnx above the test binaries) and the real public data sets:
/// $FULCRUM_SHARED_DATA when set, else ../shared/data beside the repository (they may not be copied into it).
/// Missing data fails the test with where it looked and how to fix it: these tests never skip.
/// </summary>
internal static class RealDataSets
{
    const string SolutionFile = "Fulcrum.slnx";
    const string DataVariable = "FULCRUM_SHARED_DATA";

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
        Assert.True(File.Exists(path), $"real data file {path} is missing; the shared data folder must hold the data sets described in its README.");
        return path;
    }

    public static string SharedData
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(DataVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"))
                : Path.GetFullPath(fromEnvironment);
        }
    }

    static string Folder(string name)
    {
        var data = SharedData;
        var folder = Path.Combine(data, name);
        if (!Directory.Exists(folder))
            Assert.Fail($"Real data set '{name}' not found: looked in {folder} " +
                        $"({(Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } ? $"${DataVariable}" : $"../shared/data beside the repository root {RepoRoot}")}). " +
                        $"Fix: check out the project's shared/ folder (with data/) beside the repository, as CI does, or set {DataVariable} to the folder " +
                        "that holds telco-churn-ibm-extended/ and twitter-airline-sentiment/. These tests fail rather than skip without it.");
        return folder;
    }

    static string FindRepoRoot()
    {
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new InvalidOperationException($"No folder containing {SolutionFile} above {start}: cannot locate the repository root (and so ../shared/data). " +
                                            $"Run the tests from the repository's build output, or set {DataVariable}.");
    }

    /// <summary>Reads a CSV with CsvHelper into dictionaries (column → text), independently of Fulcrum's importer.</summary>
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
