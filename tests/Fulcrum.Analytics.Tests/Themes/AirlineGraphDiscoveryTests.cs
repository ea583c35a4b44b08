using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Evaluation;
using Fulcrum.Analytics.Themes.Languages;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;
using Xunit.Abstractions;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>
/// MiniLM discovery with its defaults (Louvain communities of the 20-nearest-neighbour graph, merge 0.5) on the real airline
/// complaints, complaint sentences split by the shipped MiniLM sentiment model as `themes` does; no label is used to fit anything.
/// </summary>
public class AirlineGraphDiscoveryTests(ITestOutputHelper output)
{
    [Fact]
    public void Graph_discovery_agrees_with_the_complaint_reasons_and_reports_the_themes_it_created()
    {
        var complaints = AirlineTweets.Complaints();
        var embedder = SharedMiniLm.Embedder;
        var mentions = Mentions.FromComments(complaints.Select(t => t.Text).ToList());
        var vectors = ThemeEngine.EmbedMentions(mentions, d => embedder.Embed(d));
        var english = Enumerable.Repeat(CommentLanguage.English, mentions.DocumentCount).ToList();
        var sentiment = SentimentScorer.Embedding.MentionSentiment(mentions, english, vectors);
        var complaint = sentiment.Select(s => ThemeEngine.IsComplaint(s, null)).ToList();
        var (clusters, summary) = ThemeEngine.Discover(vectors, complaint, embedder.Semantic, new ThemeOptions());
        // As `themes` assigns: a tweet's primary theme is the closest of its complaint themes.
        var assignment = ThemeEngine.Assign(mentions, vectors, clusters.Select(c => c.Centroid).ToList(), sentiment,
            complaintThemes: clusters.Select(c => (bool?)c.Complaint).ToList(), complaintMentions: complaint);
        var closest = ThemeEngine.Assign(mentions, vectors, clusters.Select(c => c.Centroid).ToList(), sentiment);
        var primary = Enumerable.Repeat(-1, complaints.Count).ToArray();
        foreach (var d in assignment.Documents.Where(d => d.IsPrimary)) primary[d.Document] = d.Theme;
        var reasons = complaints.Select(t => t.Reason).ToList();
        var nmi = ClusteringAgreement.NormalizedMutualInformation(reasons, primary);
        var ari = ClusteringAgreement.AdjustedRandIndex(reasons, primary);
        var sizes = Enumerable.Range(0, clusters.Count).Select(t => assignment.MentionTheme.Count(m => m == t)).ToList();
        var closestPrimary = Enumerable.Repeat(-1, complaints.Count).ToArray();
        foreach (var d in closest.Documents.Where(d => d.IsPrimary)) closestPrimary[d.Document] = d.Theme;
        var (closestNmi, closestAri) = (ClusteringAgreement.NormalizedMutualInformation(reasons, closestPrimary), ClusteringAgreement.AdjustedRandIndex(reasons, closestPrimary));
        output.WriteLine($"{summary}: NMI {nmi:F4}, ARI {ari:F4} (closest theme as primary: NMI {closestNmi:F4}, ARI {closestAri:F4}), smallest {sizes.Min()}");

        Assert.Equal(20, summary.Neighbours);
        Assert.Equal(clusters.Count, summary.Created);
        Assert.Equal(summary.Created, summary.Complaints + summary.Other);
        Assert.All(sizes, n => Assert.True(n >= summary.MinimumSize!.Value, $"a theme of {n} sentences (minimum {summary.MinimumSize})"));
        // Measured 2026-12-06 with the closest theme as primary: 30 themes, NMI 0.216, ARI 0.109, smallest 39 sentences (k-means on
        // MiniLM with the true k: NMI 0.19). 2026-12-07, complaint themes first: 32 themes, NMI 0.219, ARI 0.114 (closest first on the
        // same themes 0.216 / 0.107). The 0.22 / 0.12 is not met here (the lab, whose split uses the store's scorer: 0.220–0.225 /
        // 0.111–0.117 over discovery seeds 1–3). Stop 34: tweets with the same vector are one graph node whether or not they share an
        // array (SameVector), as on a first run, where MiniLM hands case variants one array; the figures above held for cached
        // vectors only. Now 32 themes, NMI 0.213, ARI 0.108.
        Assert.InRange(summary.Created, 20, 40);
        Assert.True(nmi >= 0.21, $"NMI {nmi:F3}");
        Assert.True(ari >= 0.105, $"ARI {ari:F3}");
        // A complaint is what a complaining tweet is about: putting its complaint theme first agrees better with the reasons.
        Assert.True(nmi > closestNmi && ari > closestAri, $"complaint first NMI {nmi:F4} / ARI {ari:F4}, closest first {closestNmi:F4} / {closestAri:F4}");
    }
}
