using System.Globalization;
using Fulcrum.Analytics.Drivers;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Tests.Metrics;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Tests.Drivers;

/// <summary>
/// Survey sub-scores kept in responses.attributes (as an import puts extra columns): found without being named, read as
/// numbers whether JSON numbers or numeric text, and weighted as a direct computation on the same answers says.
/// The answers are built so that ease of use drives the score three times as strongly as speed.
/// </summary>
public sealed class SubScoreDriverTests(SubScoreDriverTests.Answers data) : IClassFixture<SubScoreDriverTests.Answers>
{
    /// <summary>120 accounts with 4 answers each, all on one day (so tenure and products do not vary), inserted in bulk.</summary>
    public sealed class Answers : IDisposable
    {
        readonly MetricsTestStore _data = new();

        public Answers()
        {
            var rng = new Random(7);
            var accounts = new List<string>();
            var subscriptions = new List<string>();
            var responses = new List<string>();
            for (var a = 0; a < 120; a++)
            {
                var account = $"A{a:D3}";
                accounts.Add($"('{account}', '{account}', DATE '2023-01-01')");
                subscriptions.Add($"('{account}', 'Core', DATE '2023-01-01', 10000)");
                var accountLevel = rng.Next(-1, 2);
                for (var r = 0; r < 4; r++)
                {
                    double ease = Math.Clamp(5 + accountLevel + rng.Next(-4, 5), 0, 10), speed = Math.Clamp(4 + rng.Next(-4, 6), 0, 10), support = rng.Next(1, 6);
                    var nps = Math.Clamp(Math.Round(1 + 0.6 * ease + 0.2 * speed + 1.5 * (rng.NextDouble() - 0.5)), 0, 10);
                    Rows.Add((nps, ease, speed, support));
                    var json = string.Create(CultureInfo.InvariantCulture, $$"""{"ease": {{ease}}, "speed": {{speed}}, "support": "{{support}}", "channel_name": "web"}""");
                    responses.Add(string.Create(CultureInfo.InvariantCulture, $"('R{Rows.Count:D4}', '{account}', TIMESTAMP '2024-03-15 10:00:00', {nps}, CAST('{json}' AS JSON))"));
                }
            }

            Store.Execute($"INSERT INTO accounts (account_id, name, created_at) VALUES {string.Join(", ", accounts)}");
            Store.Execute($"INSERT INTO subscriptions (account_id, product, start_date, arr) VALUES {string.Join(", ", subscriptions)}");
            Store.Execute($"INSERT INTO responses (response_id, account_id, responded_at, nps, attributes) VALUES {string.Join(", ", responses)}");
        }

        public Fulcrum.Data.Store.FulcrumStore Store => _data.Store;

        public List<(double Nps, double Ease, double Speed, double Support)> Rows { get; } = [];

        public void Dispose() => _data.Dispose();
    }

    [Fact]
    public void Numeric_sub_scores_are_found_and_weighted_like_a_direct_computation()
    {
        var report = KeyDriverAnalysis.Run(new AnalysisFacts(data.Store), DriverDemoFixture.Options());

        Assert.Equal(["rattr:ease", "rattr:speed", "rattr:support"], report.Drivers.Select(d => d.Name).Order().ToArray());
        Assert.DoesNotContain(report.Drivers, d => d.Name.Contains("channel_name", StringComparison.Ordinal));
        var expected = RelativeWeights.FromData(
            [data.Rows.Select(r => r.Ease).ToArray(), data.Rows.Select(r => r.Speed).ToArray(), data.Rows.Select(r => r.Support).ToArray()],
            data.Rows.Select(r => r.Nps).ToArray());
        Assert.Equal(expected.RSquared, report.RSquared.Value, 1e-9);
        Assert.Equal(expected.Weights[0], report.Drivers.Single(d => d.Name == "rattr:ease").Weight.Value, 1e-9);
        Assert.Equal(expected.Weights[1], report.Drivers.Single(d => d.Name == "rattr:speed").Weight.Value, 1e-9);
        Assert.Equal(data.Rows.Average(r => r.Support), report.Drivers.Single(d => d.Name == "rattr:support").Mean.Value, 1e-9);

        Assert.Equal("rattr:ease", report.Drivers[0].Name);
        Assert.True(report.Drivers[0].ShareOfR2.Lower > 70, $"ease {report.Drivers[0].ShareOfR2}");
        Assert.Equal("higher goes with a higher outcome", report.Drivers[0].GoodEnd);
        Assert.Contains(report.Unused, u => u.Name == "ces");
    }

    [Fact]
    public void A_text_attribute_named_as_a_driver_is_refused_for_having_no_numbers()
    {
        var e = Assert.Throws<DriverAnalysisException>(() =>
            KeyDriverAnalysis.Run(new AnalysisFacts(data.Store), DriverDemoFixture.Options(predictors: ["rattr:ease", "rattr:channel_name"])));
        Assert.Contains("'rattr:channel_name' cannot be used: no values", e.Message, StringComparison.Ordinal);
    }
}
