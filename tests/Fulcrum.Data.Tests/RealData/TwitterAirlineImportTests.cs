using Fulcrum.Data.Import;
using Fulcrum.Data.Tests.Import;

namespace Fulcrum.Data.Tests.RealData;

/// <summary>
/// `fulcrum import all Tweets.csv --mapping mappings/twitter-airline.yaml --skip-invalid` on the real Crowdflower file,
/// imported once (and re-imported once) per test class.
/// </summary>
public sealed class TwitterAirlineImportFixture : IDisposable
{
    public TwitterAirlineImportFixture()
    {
        File = RealDataSets.DataFile(RealDataSets.Twitter, "Tweets.csv");
        Mapping = RealDataSets.Mapping("twitter-airline.yaml");
        Workspace = new ImportWorkspace();
        First = Workspace.Import("all", File, Mapping, skipInvalid: true);
        CountsAfterFirst = Workspace.Counts();
        Second = Workspace.Import("all", File, Mapping, skipInvalid: true);
        Source = RealDataSets.ReadCsv(File);
    }

    public string File { get; }
    public string Mapping { get; }
    internal ImportWorkspace Workspace { get; }
    public ImportResult First { get; }
    public ImportResult Second { get; }
    public IReadOnlyDictionary<string, long> CountsAfterFirst { get; }
    public List<Dictionary<string, string>> Source { get; }

    public void Dispose() => Workspace.Dispose();
}

public sealed class TwitterAirlineImportTests(TwitterAirlineImportFixture data) : IClassFixture<TwitterAirlineImportFixture>
{
    const int DistinctTweets = 14_485, Rows = 14_640, RepeatedTweets = 155;

    [Fact]
    public void Source_file_matches_its_readme()
    {
        Assert.Equal(Rows, data.Source.Count);
        Assert.Equal(DistinctTweets, data.Source.Select(r => r["tweet_id"]).Distinct().Count());
    }

    [Fact]
    public void Import_commits_with_every_row_read()
    {
        ImportAssert.Committed(data.First);
        Assert.Equal(Rows, data.First.RowsRead);
    }

    [Fact]
    public void Each_of_the_six_airlines_becomes_one_account()
    {
        Assert.Equal(6, data.CountsAfterFirst["accounts"]);
        Assert.Equal(["American", "Delta", "Southwest", "US Airways", "United", "Virgin America"],
            data.Workspace.Store.Query<string>("SELECT account_id FROM accounts ORDER BY account_id"));
        var accounts = ImportAssert.Table(data.First, "accounts");
        Assert.Equal((6L, Rows - 6L), (accounts.Inserted, accounts.CollapsedDuplicates));
    }

    [Fact]
    public void Each_distinct_tweet_becomes_one_response()
    {
        Assert.Equal(DistinctTweets, data.CountsAfterFirst["responses"]);
        Assert.Equal(DistinctTweets, ImportAssert.Table(data.First, "responses").Inserted);
        var perAirline = data.Source.DistinctBy(r => r["tweet_id"]).GroupBy(r => r["airline"]).ToDictionary(g => g.Key, g => (long)g.Count());
        var stored = data.Workspace.Store.Query<(string, long)>("SELECT account_id, COUNT(*) FROM responses GROUP BY 1")
            .ToDictionary(r => r.Item1, r => r.Item2);
        Assert.Equal(perAirline.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
    }

    [Fact]
    public void Repeated_tweet_ids_are_rejected_as_duplicate_keys()
    {
        Assert.Equal(RepeatedTweets, data.First.Rejects.Count);
        Assert.All(data.First.Rejects, r =>
        {
            Assert.Equal("responses", r.Table);
            Assert.Equal("tweet_id", r.Column);
            Assert.Contains("duplicate key (first seen on line", r.Reason, StringComparison.Ordinal);
        });
        var repeated = data.Source.GroupBy(r => r["tweet_id"]).Where(g => g.Count() > 1).Select(g => g.Key).Order();
        Assert.Equal(repeated, data.First.Rejects.Select(r => r.Value!).Order());
        Assert.Equal(RepeatedTweets, data.Workspace.Scalar<long>("SELECT COUNT(*) FROM import_rejects WHERE import_id = $id", new { id = data.First.ImportId }));
    }

    [Fact]
    public void Duplicate_rejects_name_physical_lines_despite_tweets_spanning_lines()
    {
        // tweet_id is the first column, so the physical line a reject names must start with the rejected id
        var lines = File.ReadAllLines(data.File);
        Assert.True(lines.Length > Rows + 1, "the file should hold tweets spanning several lines");
        Assert.All(data.First.Rejects, r =>
        {
            Assert.StartsWith(r.Value + ",", lines[r.Line!.Value - 1], StringComparison.Ordinal);
            var first = int.Parse(r.Reason.Split("first seen on line ")[1].Split(')')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith(r.Value + ",", lines[first - 1], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Tweet_time_with_an_offset_is_stored_in_utc()
    {
        // first data row: 570306133677760513, created "2015-02-24 11:35:52 -0800"
        Assert.Equal(new DateTime(2015, 2, 24, 19, 35, 52),
            data.Workspace.Scalar<DateTime>("SELECT responded_at FROM responses WHERE response_id = '570306133677760513'"));
    }

    [Fact]
    public void Tweet_text_and_labels_are_kept()
    {
        var row = data.Workspace.Store.Query<(string Comment, string Contact, string Sentiment)>(
            "SELECT comment, contact, json_extract_string(attributes, '$.airline_sentiment') FROM responses WHERE response_id = '570306133677760513'").Single();
        Assert.Equal(("@VirginAmerica What @dhepburn said.", "cairdin", "neutral"), row);
        Assert.Equal(9_178, data.Workspace.Scalar<long>("SELECT COUNT(*) FROM responses WHERE json_extract_string(attributes, '$.airline_sentiment') = 'negative'")
                            + data.Source.GroupBy(r => r["tweet_id"]).Where(g => g.Count() > 1).Sum(g => g.Skip(1).Count(r => r["airline_sentiment"] == "negative")));
    }

    [Fact]
    public void Reimport_changes_nothing()
    {
        ImportAssert.Committed(data.Second);
        Assert.Equal((0L, 0L), (data.Second.Inserted, data.Second.Updated));
        Assert.Equal([("accounts", 6L), ("responses", (long)DistinctTweets)], data.Second.Tables.Select(t => (t.Table, t.Unchanged)));
        Assert.Equal(RepeatedTweets, data.Second.Rejects.Count);
        var now = data.Workspace.Counts();
        foreach (var table in Fulcrum.Data.Schema.CanonicalSchema.Tables.Select(t => t.Name))
            Assert.Equal(data.CountsAfterFirst[table], now[table]);
    }

    [Fact]
    public void Without_skip_invalid_the_file_is_rejected_and_nothing_is_written()
    {
        using var ws = new ImportWorkspace();

        var result = ws.Import("all", data.File, data.Mapping);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(RepeatedTweets, result.Rejects.Count);
        Assert.Equal(0, ws.Count("accounts"));
        Assert.Equal(0, ws.Count("responses"));
        Assert.Equal("rejected", ws.Scalar<string>("SELECT status FROM import_runs"));
        Assert.Equal(RepeatedTweets, ws.Count("import_rejects"));
    }
}
