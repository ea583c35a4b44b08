using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// A 2,000-account demo company with themes discovered with MiniLM (the default mode; about 25,000 distinct sentences, half a
/// minute on 2 cores), plus two themes a user defines with keywords and an example sentence of their own wording (not the
/// generator's phrases), and the theme impact. Shared by the demo tests.
/// </summary>
public sealed class DemoThemesFixture : IDisposable
{
    public FulcrumStore Store { get; } = FulcrumStore.Open(":memory:");
    public ThemeRunResult Discovered { get; }

    /// <summary>Response ids raising each theme after discovery alone (before the user's themes took their sentences).</summary>
    public IReadOnlyDictionary<string, HashSet<string>> DiscoveredAssignments { get; }
    public ThemeRunResult Run { get; }
    public ThemeImpactReport Impact { get; }
    public string IntegrationThemeId { get; }
    public string ManagersThemeId { get; }

    /// <summary>Response ids whose comment was written about each planted theme (responses.attributes.planted_themes).</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Planted { get; }

    public DemoThemesFixture()
    {
        DemoCompanyGenerator.Generate(Store, new DemoCompanyOptions(Accounts: 2_000, Years: 3, Seed: 42));
        var rows = Store.Query<(string ResponseId, string Themes)>(
            "SELECT response_id, json_extract_string(attributes, '$.planted_themes') FROM responses WHERE comment IS NOT NULL").ToList();
        Planted = rows.SelectMany(r => r.Themes.Split(';').Select(t => (t, r.ResponseId)))
            .GroupBy(p => p.t).ToDictionary(g => g.Key, g => g.Select(p => p.ResponseId).ToHashSet(StringComparer.Ordinal));

        Discovered = ThemeAnalysis.Run(Store, new ThemeOptions());
        DiscoveredAssignments = Raised();
        var editor = new ThemeEditor(Store);
        // What a CX analyst would type after reading a few complaints: keywords plus one example sentence in their own words.
        IntegrationThemeId = editor.Define("Products don't integrate", ["integrat*", "sync*", "single sign-on", "logins", "re-enter", "connectors"],
            ["our products do not work together"]).ThemeId;
        ManagersThemeId = editor.Define("Too many account managers", ["account managers", "handoff*", "point of contact", "account manager"],
            ["every product has its own account manager"]).ThemeId;
        Run = ThemeAnalysis.Run(Store, new ThemeOptions());
        Impact = ThemeImpactAnalysis.Run(Store, new ThemeImpactOptions(Replicates: 400));
    }

    /// <summary>F1 of a theme's comments (as stored now, or as given) against a planted theme's comments.</summary>
    public double F1(string themeId, string plantedKey, IReadOnlyDictionary<string, HashSet<string>>? assignments = null)
    {
        var truth = Planted[plantedKey];
        var raised = (assignments ?? Raised()).GetValueOrDefault(themeId) ?? [];
        return 2.0 * raised.Count(truth.Contains) / (raised.Count + truth.Count);
    }

    /// <summary>Share of the theme's comments that raise the planted theme <paramref name="plantedKey"/>.</summary>
    public double Precision(string themeId, string plantedKey)
    {
        var raised = Raised().GetValueOrDefault(themeId) ?? [];
        return raised.Count == 0 ? 0 : (double)raised.Count(Planted[plantedKey].Contains) / raised.Count;
    }

    Dictionary<string, HashSet<string>> Raised() =>
        Store.Query<(string ThemeId, string ResponseId)>("SELECT theme_id, response_id FROM response_themes").GroupBy(r => r.ThemeId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ResponseId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public void Dispose() => Store.Dispose();
}
