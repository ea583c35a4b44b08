using Fulcrum.Analytics.Themes;

namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>A comment's primary theme is the closest of its complaint themes, else the closest of all.</summary>
public sealed class PrimaryThemeTests
{
    // Theme 0 (praise) along the first axis, theme 1 (a complaint) along the second. The comment's greeting is closer to
    // theme 0 (0.95) than its complaint to theme 1 (0.8).
    static readonly float[][] Centroids = [[1, 0], [0, 1]];
    static readonly Mentions Comment = Mentions.FromComments(["Thanks for nothing. My bag never arrived."]);
    static readonly float[][] Vectors = [Unit(0.95f), Unit(0.6f)];
    static readonly double[] Sentiment = [0.3, -0.8];

    static float[] Unit(float first) => [first, MathF.Sqrt(1 - first * first)];

    static int Primary(ThemeAssignment assignment) => assignment.Documents.Single(d => d.IsPrimary).Theme;

    [Fact]
    public void The_complaint_theme_is_primary_though_the_greeting_is_closer_to_its_theme()
    {
        Assert.Equal(2, Comment.Count);

        var assignment = ThemeEngine.Assign(Comment, Vectors, Centroids, Sentiment, complaintThemes: [false, true], complaintMentions: [false, true]);

        Assert.Equal(1, Primary(assignment));
        Assert.Equal(2, assignment.Documents.Count);
    }

    [Fact]
    public void Without_complaint_flags_the_closest_theme_is_primary()
    {
        Assert.Equal(0, Primary(ThemeEngine.Assign(Comment, Vectors, Centroids, Sentiment)));
        Assert.Equal(0, Primary(ThemeEngine.Assign(Comment, Vectors, Centroids, Sentiment, complaintThemes: [false, false], complaintMentions: [false, true])));
    }

    [Fact]
    public void A_theme_not_discovered_in_this_run_is_a_complaint_theme_when_most_of_its_mentions_are_complaints()
    {
        // Theme 1 a user defined (null): its one mention is a complaint, so it comes first.
        Assert.Equal(1, Primary(ThemeEngine.Assign(Comment, Vectors, Centroids, Sentiment, complaintThemes: [false, null], complaintMentions: [false, true])));
        Assert.Equal(0, Primary(ThemeEngine.Assign(Comment, Vectors, Centroids, Sentiment, complaintThemes: [false, null], complaintMentions: [false, false])));
    }
}
