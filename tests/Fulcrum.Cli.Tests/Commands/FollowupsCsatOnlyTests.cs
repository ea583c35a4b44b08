using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// `fulcrum followups` on a company that asks CSAT only (`generate --csat-only`) and on a shop (`--kind shop`): sync opens a
/// follow-up on every dissatisfied answer and says so by the rule's name; list shows the later CSAT and churn (a shop:
/// repeat purchase) of followed-up vs not.
/// </summary>
public sealed class FollowupsCsatOnlyTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-followups-csat-").FullName;
    string Db => Path.Combine(_directory, "company.duckdb");

    static (int Code, string Output) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre + capture.Standard);
    }

    /// <summary>Closes the first case, so both groups of the measures have cases.</summary>
    void CloseOne()
    {
        string id;
        using (var store = FulcrumStore.Open(Db))
            id = store.Scalar<string>("SELECT response_id FROM followups ORDER BY response_id LIMIT 1");
        Assert.Equal(0, FulcrumApp.Run(["followups", "assign", id, "--to", "Maya", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["followups", "close", id, "--resolution", "called back", "--db", Db]));
    }

    [Fact]
    public void Sync_opens_one_for_every_dissatisfied_answer_of_a_CSAT_only_company_and_list_measures_later_CSAT()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--years", "2", "--seed", "5", "--csat-only", "--db", Db]));
        var (code, output) = Run("followups", "sync", "--db", Db);
        Assert.Equal(0, code);
        long dissatisfied;
        using (var store = FulcrumStore.Open(Db))
        {
            dissatisfied = store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE csat <= 2");
            Assert.Equal(dissatisfied, store.Count("followups"));
        }
        Assert.True(dissatisfied > 0);
        Assert.Contains($"Opened {dissatisfied:N0} follow-ups ({dissatisfied:N0} dissatisfied answers (CSAT 1–2), 0 already had one", output);

        CloseOne();
        var (listed, list) = Run("followups", "list", "--db", Db);
        Assert.Equal(0, listed);
        Assert.Contains("A follow-up opens for each of the dissatisfied answers (CSAT 1–2).", list);
        Assert.Contains("CSAT of the account's next answer within 180 days after a closed follow-up", list);
        Assert.Contains("Churn within 365 days after a closed follow-up", list);
        Assert.DoesNotContain("NaN", list);
        Assert.DoesNotContain("NPS", list);
    }

    [Fact]
    public void A_shop_measures_repeat_purchase_after_a_follow_up()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--kind", "shop", "--accounts", "400", "--seed", "5", "--db", Db]));
        var (code, output) = Run("followups", "sync", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("dissatisfied answers (CSAT 1–2)", output);
        CloseOne();
        var (_, list) = Run("followups", "list", "--json", "--db", Db);
        Assert.Contains("\"repeat purchase within 180 days\"", list);
        Assert.DoesNotContain("churn within", list);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
