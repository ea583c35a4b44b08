using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Store;

namespace Fulcrum.Analytics.Tests.Themes;

public class ThemeReconcilerTests
{
    static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    static StoredTheme Stored(string id, float[] centroid, string origin = ThemeOrigin.Discovered) =>
        new() { ThemeId = id, Label = id, Origin = origin, Model = "m", Centroid = centroid };

    [Fact]
    public void Matched_and_new_themes_carry_their_cluster_s_kind_and_a_user_made_theme_does_not()
    {
        List<StoredTheme> stored = [Stored("T001", [1, 0, 0]), Stored("T002", [0, 1, 0], ThemeOrigin.Defined), Stored("T003", [0, 0, 1])];
        DiscoveredCluster[] clusters =
        [
            new([0.99f, 0.141f, 0], 40, Complaint: true), // T001 again
            new([0, 1, 0], 30, Complaint: false),          // absorbed by the defined T002
            new([0.7071f, 0, 0.7071f], 20, Complaint: false), // like nothing stored: a new theme
        ];
        var result = ThemeReconciler.Reconcile(stored, clusters, "m", 0.8, Now);
        Assert.Equal((1, 1, 1, 1), (result.Matched, result.Absorbed, result.Created, result.Retired));
        var created = Assert.Single(result.All, t => t.ThemeId is not ("T001" or "T002" or "T003"));
        Assert.Equal(ThemeStatus.Retired, stored[2].Status);
        Assert.Equal(new Dictionary<string, bool> { ["T001"] = true, [created.ThemeId] = false }, result.Complaint);
        Assert.Equal(["T001", "T002", created.ThemeId], result.Active.Select(t => t.ThemeId).Order(StringComparer.Ordinal));
    }
}
