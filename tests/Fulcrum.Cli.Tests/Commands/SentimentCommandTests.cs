using System.Globalization;
using System.Text;
using System.Text.Json;
using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// `fulcrum sentiment train/show/forget` and `fulcrum themes` on a small file shaped like the airline tweets (imported with
/// the shipped mappings/twitter-airline.yaml): comments with a crowd sentiment label, no renewals, no NPS answers.
/// </summary>
public sealed class SentimentCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-sentiment-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    static readonly string[] Airlines = ["United", "Delta", "Southwest"];
    static readonly string[] Things = ["flight", "crew", "seat", "app", "lounge", "check-in", "food", "wifi", "gate", "baggage desk"];
    static readonly (string Label, string[] Templates)[] Classes =
    [
        ("negative", ["sat on the tarmac for three hours, the {0} never told us anything", "{0} cancelled again and no rebooking", "lost two days because of the {0}"]),
        ("neutral", ["what time does the {0} open tomorrow", "is there a {0} on the morning route", "where do I find the {0} in terminal B"]),
        ("positive", ["the {0} agent rebooked me in minutes", "upgraded at the {0} without asking, thank you", "{0} staff went out of their way for my kids"]),
    ];

    /// <summary>90 tweets in the columns of Tweets.csv, imported with the shipped mapping.</summary>
    void ImportTweets()
    {
        var csv = new StringBuilder("tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone\n");
        var id = 570_000_000_000_000_000L;
        for (var t = 0; t < Things.Length; t++)
            for (var k = 0; k < 3; k++)
                foreach (var (label, templates) in Classes)
                {
                    var airline = Airlines[(int)(id % 3)];
                    var text = $"@{airline} " + string.Format(CultureInfo.InvariantCulture, templates[k], Things[t]);
                    var created = new DateTime(2015, 2, 17, 8, 0, 0).AddMinutes(37 * (id - 570_000_000_000_000_000L));
                    var reason = label == "negative" ? (k == 1 ? "Cancelled Flight" : "Late Flight") : "";
                    csv.Append(CultureInfo.InvariantCulture, $"{id++},{label},1.0,{reason},,{airline},,traveller{t},,0,\"{text}\",,{created:yyyy-MM-dd HH:mm:ss} -0800,,\n");
                }
        var file = Path.Combine(_directory, "Tweets.csv");
        File.WriteAllText(file, csv.ToString());
        Assert.Equal(0, FulcrumApp.Run(["import", "all", file, "--mapping", ShippedMapping("twitter-airline.yaml"), "--db", Db]));
    }

    static string ShippedMapping(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Fulcrum.slnx"))) return Path.Combine(folder.FullName, "mappings", name);
        throw new FileNotFoundException("Fulcrum.slnx not found above the test binaries");
    }

    [Theory]
    [InlineData("sentiment", "train")]
    [InlineData("sentiment", "show")]
    [InlineData("sentiment", "forget")]
    public void Every_sentiment_command_has_help(params string[] command) =>
        Assert.Equal(0, FulcrumApp.Run([.. command, "--help"]));

    [Fact]
    public void Train_show_use_in_themes_and_forget()
    {
        ImportTweets();
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["sentiment", "show", "--db", Db]));
            Assert.Contains("No trained sentiment model", capture.Spectre);
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["sentiment", "train", "--label", "rattr:airline_sentiment", "--folds", "3", "--json", "--db", Db]));
            using var json = JsonDocument.Parse(capture.Standard);
            Assert.Equal(90, json.RootElement.GetProperty("comments").GetInt32());
            var macroF1 = json.RootElement.GetProperty("evaluation").GetProperty("macroF1");
            Assert.InRange(macroF1.GetProperty("value").GetDouble(), 0.9, 1.0);
            Assert.Equal(3, json.RootElement.GetProperty("evaluation").GetProperty("classes").GetArrayLength());
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["sentiment", "show", "--db", Db]));
            Assert.Contains("labelled by rattr:airline_sentiment", capture.Spectre);
            Assert.Contains("Macro-F1", capture.Spectre);
            Assert.Contains("recall", capture.Spectre);
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["themes", "--fast", "--clusters", "3", "--no-impact", "--db", Db]));
            Assert.Contains("Sentiment: trained classifier (`fulcrum sentiment train --label rattr:airline_sentiment`", capture.Spectre);
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["sentiment", "forget", "--db", Db]));
            Assert.Contains("Removed", capture.Spectre);
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["themes", "--fast", "--clusters", "3", "--no-impact", "--json", "--db", Db]));
            using var json = JsonDocument.Parse(capture.Standard);
            Assert.StartsWith("lexicon", json.RootElement.GetProperty("run").GetProperty("sentimentMethod").GetString());
        }
        using var store = FulcrumStore.Open(Db);
        Assert.Equal(0, store.Count("sentiment_models"));
    }

    [Fact]
    public void Unusable_labels_are_clear_errors()
    {
        ImportTweets();
        using (var capture = new ConsoleCapture())
        {
            Assert.NotEqual(0, FulcrumApp.Run(["sentiment", "train", "--label", "rattr:mood", "--db", Db]));
            Assert.Contains("None of the 90 comments has a response attribute 'mood'", capture.Spectre);
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.NotEqual(0, FulcrumApp.Run(["sentiment", "train", "--label", "rattr:negativereason", "--folds", "3", "--db", Db]));
            Assert.Contains("30 comments have a rattr:negativereason value that is not a sentiment label: 'Late Flight' (20), 'Cancelled Flight' (10)", capture.Spectre);
        }
        Assert.NotEqual(0, FulcrumApp.Run(["sentiment", "train", "--label", "stars", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["sentiment", "train", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["sentiment", "train", "--label", "nps", "--folds", "1", "--db", Db]));
        using (var capture = new ConsoleCapture())
        {
            Assert.NotEqual(0, FulcrumApp.Run(["sentiment", "train", "--label", "nps", "--db", Db]));
            Assert.Contains("None of the 90 comments was answered with a nps score", capture.Spectre);
        }
    }

    /// <summary>
    /// Issue 15, item 4: data without renewals or outcomes (tweets) get counts, share and sentiment per theme, and no churn,
    /// excess churn or ARR figure in the tables or the JSON; both say that money needs outcomes and how to import them.
    /// </summary>
    [Fact]
    public void Themes_without_outcomes_show_no_money_and_say_why()
    {
        ImportTweets();
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["themes", "--fast", "--clusters", "3", "--replicates", "200", "--db", Db]));
            var text = capture.Spectre;
            Assert.Contains("fulcrum import outcomes", text);
            Assert.DoesNotContain("$", text);
            Assert.DoesNotContain("NaN", text);
            // A churn figure printed as zero ("0.0 % vs …"); the language mix's "(100.0 %)" is a share, not a money or churn figure.
            Assert.DoesNotMatch(@"(?<![0-9])0\.0 %", text);
            Assert.DoesNotContain("ARR at risk beyond", text);
            Assert.DoesNotContain("churn vs", text);
        }
        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["themes", "--fast", "--clusters", "3", "--replicates", "200", "--json", "--db", Db]));
            var json = capture.Standard;
            foreach (var key in new[] { "churnRaising", "churnOthers", "excessChurn", "arrAtRisk", "arrHeld", "churnRatioBeyondScores", "arrAtRiskBeyondScores", "churnedAccounts" })
                Assert.DoesNotContain($"\"{key}\"", json, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(json);
            var money = document.RootElement.GetProperty("impact").GetProperty("money");
            Assert.False(money.GetProperty("isDefined").GetBoolean());
            Assert.Contains("fulcrum import outcomes", money.GetProperty("reason").GetString());
            Assert.All(document.RootElement.GetProperty("impact").GetProperty("themes").EnumerateArray(),
                t => Assert.True(t.GetProperty("comments").GetInt64() > 0));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
