namespace Fulcrum.Analytics.Tests.Themes;

/// <summary>The airline tweets (Crowdflower, Feb 2015) with their crowd sentiment and complaint-reason labels, read with CsvHelper.</summary>
internal static class AirlineTweets
{
    public sealed record Tweet(string Text, string Sentiment, string Reason);

    static readonly Lazy<IReadOnlyList<Tweet>> All = new(() =>
        RealDataSets.ReadCsv(RealDataSets.DataFile(RealDataSets.Twitter, "Tweets.csv"))
            .Select(r => new Tweet(r["text"], r["airline_sentiment"], r["negativereason"])).ToList());

    public static IReadOnlyList<Tweet> Load() => All.Value;

    /// <summary>Negative tweets with a stated reason ("Can't Tell" is not a reason, so it is left out).</summary>
    public static IReadOnlyList<Tweet> Complaints() =>
        Load().Where(t => t.Sentiment == "negative" && t.Reason.Length > 0 && t.Reason != "Can't Tell").ToList();
}
