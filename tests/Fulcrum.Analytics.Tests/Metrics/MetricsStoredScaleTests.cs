using Fulcrum.Analytics.Metrics;
using Fulcrum.Analytics.Themes.Sentiment.Training;
using Fulcrum.Data.Survey;

namespace Fulcrum.Analytics.Tests.Metrics;

/// <summary>CSAT and CES figures on the store's declared scale (score_scales), not the built-in 1–5 and 1–7.</summary>
public sealed class MetricsStoredScaleTests
{
    static MetricsTestStore CesStore(bool declared)
    {
        var s = new MetricsTestStore(Data.Store.StoreBackend.DuckDb);
        if (declared)
            s.Store.Execute("INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at) VALUES ('ces', 1, 5, 'a test', TIMESTAMP '2024-01-01 00:00')");
        s.Account("A1", "SMB", "2023-01-01");
        foreach (var (day, ces) in new[] { ("2024-02-01", 5.0), ("2024-02-02", 5.0), ("2024-02-03", 5.0), ("2024-02-04", 4.0) }) s.Response("A1", day, ces: ces);
        return s;
    }

    [Fact]
    public void A_CES_interval_stays_on_a_declared_1_to_5_scale()
    {
        using var declared = CesStore(declared: true);
        using var byDefault = CesStore(declared: false);

        var onItsScale = declared.Run(["ces"]).Cell("ces", "2024-Q1").Estimate;
        var onTheDefault = byDefault.Run(["ces"]).Cell("ces", "2024-Q1").Estimate;

        // Mean 4.75 of four answers: on 1–5 the exact interval ends at the top of the scale; read on 1–7 it ran past it.
        Assert.Equal(4.75, onItsScale.Value, 9);
        Assert.InRange(onItsScale.Upper, 4.75, 5 + 1e-9);
        Assert.True(onTheDefault.Upper > 5, $"on 1–7 the interval reaches {onTheDefault.Upper}");
    }

    [Fact]
    public void CSAT_weak_sentiment_labels_follow_the_store_scale()
    {
        using var s = new MetricsTestStore(Data.Store.StoreBackend.DuckDb);
        s.Store.Execute("INSERT INTO score_scales (metric, min_value, max_value, declared_by, declared_at) VALUES ('csat', 1, 10, 'a test', TIMESTAMP '2024-01-01 00:00')");

        var source = SentimentLabelSource.Parse("csat").OnScaleOf(s.Store);

        Assert.Equal("weak labels from CSAT (1–10): 1–3 negative, 4–5 neutral, 6–10 positive", source.Description);
        Assert.Equal(["negative", "neutral", "positive", null], new[] { "3", "5", "8", "11" }.Select(source.Map));
        // Without a declaration, the default 1–5 as before.
        Assert.Equal("weak labels from CSAT (1–5): 1–2 negative, 3 neutral, 4–5 positive", SentimentLabelSource.Parse("csat").Description);
    }
}
