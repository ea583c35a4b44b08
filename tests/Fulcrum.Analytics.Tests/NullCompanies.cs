using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests;

/// <summary>
/// Six demo companies without planted effects (1,500 accounts, 3 years, seeds 101–106): every alert and every growth-check
/// finding on them is false. The false-alarm and false-discovery tests both check their promise on these; each company is
/// generated once per test process and each test opens its own copy.
/// </summary>
internal static class NullCompanies
{
    public static IEnumerable<(int Seed, FulcrumStore Store)> Open()
    {
        var folder = Directory.CreateTempSubdirectory("fulcrum-null-").FullName;
        try
        {
            foreach (var seed in Enumerable.Range(101, 6))
                yield return (seed, DemoCompanyTemplates.Open(Path.Combine(folder, $"null-{seed}.duckdb"), new DemoCompanyOptions(1_500, 3, seed, PlantEffects: false)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
