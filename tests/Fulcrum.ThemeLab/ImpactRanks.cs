using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Store;

namespace Fulcrum.ThemeLab;

/// <summary>
/// `--impact STORE,...`: runs the theme impact on demo stores whose themes are stored (e.g. after `fulcrum demo`) and prints the
/// top problems with their churn beyond the scores, ARR at risk and F1 / precision against each planted theme, then the rank
/// of the best-F1 theme of each planted complaint. Works on a copy, as the impact writes its fit cache into the store.
/// </summary>
internal static class ImpactRanks
{
    public static void Print(string path, int replicates)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"impact-{Guid.NewGuid():N}.duckdb");
        File.Copy(path, copy);
        try
        {
            using var store = FulcrumStore.Open(copy);
            var planted = store.Query<(string ResponseId, string Themes)>(
                    "SELECT response_id, json_extract_string(attributes, '$.planted_themes') FROM responses WHERE comment IS NOT NULL AND json_extract_string(attributes, '$.planted_themes') IS NOT NULL")
                .SelectMany(r => r.Themes.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(t => (t, r.ResponseId)))
                .GroupBy(p => p.t).ToDictionary(g => g.Key, g => g.Select(p => p.ResponseId).ToHashSet(StringComparer.Ordinal));
            var raised = store.Query<(string ThemeId, string ResponseId)>("SELECT theme_id, response_id FROM response_themes").GroupBy(r => r.ThemeId)
                .ToDictionary(g => g.Key, g => g.Select(r => r.ResponseId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            double F1(string theme, string key) => raised.GetValueOrDefault(theme) is { } r ? 2.0 * r.Count(planted[key].Contains) / (r.Count + planted[key].Count) : 0;
            double Precision(string theme, string key) => raised.GetValueOrDefault(theme) is { Count: > 0 } r ? (double)r.Count(planted[key].Contains) / r.Count : 0;
            if (Oracle) MakeBestThemesPerfect(store, planted, raised, F1);
            var report = ThemeImpactAnalysis.Run(store, new ThemeImpactOptions(Replicates: replicates));
            var problems = report.Themes.Where(t => t.Kind == ThemeKind.Problem).ToList();
            var keys = new[] { "products_dont_integrate", "too_many_account_managers" }.Where(planted.ContainsKey).ToList();
            Console.WriteLine($"== {Path.GetFileName(path)}: {report.Themes.Count} themes, {problems.Count} problems; planted {string.Join(", ", keys.Select(k => $"{k} {planted[k].Count}"))} comments");
            foreach (var (t, rank) in problems.Take(10).Select((t, i) => (t, i + 1)))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {rank,2}. {Trim(t.Label),-48} ratio {Show(t.ChurnRatioBeyondScores),-20} ARR {Show(t.ArrAtRiskBeyondScores, 0),-28} q {t.ExcessChurnQValue:0.000} sent {t.MeanSentiment.Value:0.00} score {Show(t.ScoreImpact)} pos {t.Comments} {string.Join(" ", keys.Select(k => $"{k[..5]} F1 {F1(t.ThemeId, k):0.00} P {Precision(t.ThemeId, k):0.00}"))}"));
            foreach (var key in keys)
            {
                var best = problems.Select((t, i) => (t, rank: i + 1)).MaxBy(p => F1(p.t.ThemeId, key));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  planted {key}: best theme rank {best.rank} \"{Trim(best.t.Label)}\" F1 {F1(best.t.ThemeId, key):0.00} ratio {Show(best.t.ChurnRatioBeyondScores)}"));
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(copy) + "*")) File.Delete(file);
        }
    }

    /// <summary>`--oracle`: the best-F1 theme of each planted complaint takes exactly the planted comments (sentiment -0.5, primary), so the ranks show what perfect discovery would give.</summary>
    public static bool Oracle { get; set; }

    static void MakeBestThemesPerfect(FulcrumStore store, Dictionary<string, HashSet<string>> planted, Dictionary<string, HashSet<string>> raised, Func<string, string, double> f1)
    {
        foreach (var (key, responses) in planted.Where(p => p.Key is "products_dont_integrate" or "too_many_account_managers"))
        {
            var best = raised.Keys.MaxBy(t => f1(t, key))!;
            store.Execute($"DELETE FROM response_themes WHERE theme_id = '{best}'");
            foreach (var response in responses)
                store.Execute($"INSERT INTO response_themes VALUES ('{response}', '{best}', 0.9, -0.5, true)");
            raised[best] = responses;
            Console.WriteLine($"  oracle: theme {best} now holds the {responses.Count} {key} comments");
        }
    }

    static string Trim(string label) => label.Length <= 48 ? label : label[..45] + "...";

    static string Show(Fulcrum.Core.Statistics.Estimate? e, int digits = 2) => e is null ? "-"
        : digits == 0 ? string.Create(CultureInfo.InvariantCulture, $"{e.Value / 1e3:0}k ({e.Lower / 1e3:0}-{e.Upper / 1e3:0})")
        : string.Create(CultureInfo.InvariantCulture, $"{e.Value:0.00} ({e.Lower:0.00}-{e.Upper:0.00})");
}
