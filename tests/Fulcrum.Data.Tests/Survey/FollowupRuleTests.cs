using Fulcrum.Data.Demo;
using Fulcrum.Data.Demo.Shop;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Data.Tests.Survey;

/// <summary>
/// Which answers open a follow-up: NPS detractors where NPS is answered (as before), else dissatisfied CSAT, else high-effort
/// CES — on hand-made stores, a CSAT-only generated company and a shop.
/// </summary>
public sealed class FollowupRuleTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    void Answer(string id, int? nps = null, double? csat = null, double? ces = null)
    {
        _store.Execute("INSERT INTO accounts (account_id, name, owner) SELECT 'A1', 'One', 'Ana' WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE account_id = 'A1')");
        _store.Execute("INSERT INTO responses (response_id, account_id, responded_at, nps, csat, ces) VALUES ($id, 'A1', TIMESTAMP '2024-01-01 09:00', $nps, $csat, $ces)",
            new { id, nps, csat, ces });
    }

    FollowupOpening.Opened Open()
    {
        using var transaction = _store.BeginTransaction();
        var opened = FollowupOpening.Open(_store, transaction);
        transaction.Commit();
        return opened;
    }

    IEnumerable<string> Followed() => _store.Query<string>("SELECT response_id FROM followups ORDER BY response_id");

    [Fact]
    public void Where_NPS_is_answered_only_detractors_open_one_whatever_their_CSAT()
    {
        Answer("R1", nps: 6, csat: 5);
        Answer("R2", nps: 7, csat: 1);
        Answer("R3", csat: 1); // no NPS in a store that asks NPS: the store's metric is NPS
        var opened = Open();
        Assert.Equal(["R1"], Followed());
        Assert.Equal("detractor answers (NPS 0–6)", opened.Rule!.Answers);
        Assert.Equal(1, opened.Answers);
        Assert.Equal("opened on a detractor answer (NPS 0–6)", _store.Scalar<string>("SELECT note FROM followup_events WHERE response_id = 'R1'"));
    }

    [Fact]
    public void A_stray_NPS_answer_among_CSAT_answers_leaves_the_rule_on_CSAT_as_the_analyses_choose()
    {
        // As the IBM Telco data with two NPS answers added: the analyses stay on CSAT, and so does the closed loop.
        for (var i = 1; i <= 5; i++) Answer($"C{i}", csat: i);
        Answer("N1", nps: 3);
        var opened = Open();
        Assert.Equal("dissatisfied answers (CSAT 1–2)", opened.Rule!.Answers);
        Assert.Equal(["C1", "C2"], Followed());
    }

    [Fact]
    public void Where_only_CSAT_is_answered_dissatisfied_answers_open_one()
    {
        Answer("R1", csat: 1);
        Answer("R2", csat: 2);
        Answer("R3", csat: 3);
        Answer("R4", csat: 5, ces: 7);
        var opened = Open();
        Assert.Equal(["R1", "R2"], Followed());
        Assert.Equal("dissatisfied answers (CSAT 1–2)", opened.Rule!.Answers);
        Assert.Equal("Ana", _store.Scalar<string>("SELECT owner FROM followups WHERE response_id = 'R1'"));
        Assert.Equal(0, Open().Count); // idempotent
    }

    [Fact]
    public void Where_only_CES_is_answered_high_effort_answers_open_one()
    {
        Answer("R1", ces: 7);
        Answer("R2", ces: 6);
        Answer("R3", ces: 5);
        Assert.Equal("high-effort answers (CES 6–7)", Open().Rule!.Answers);
        Assert.Equal(["R1", "R2"], Followed());
    }

    [Fact]
    public void Without_a_score_nothing_opens_and_the_rule_is_absent()
    {
        _store.Execute("INSERT INTO accounts (account_id, name) VALUES ('A1', 'One')");
        _store.Execute("INSERT INTO responses (response_id, account_id, responded_at, comment) VALUES ('R1', 'A1', TIMESTAMP '2024-01-01 09:00', 'words only')");
        var opened = Open();
        Assert.Null(opened.Rule);
        Assert.Equal(0, opened.Count);
        Assert.Empty(Followed());
    }

    [Fact]
    public void A_CSAT_only_generated_company_gets_a_follow_up_on_every_dissatisfied_answer()
    {
        DemoCompanyGenerator.Generate(_store, new DemoCompanyOptions(200, 2, 5, CsatOnly: true));
        var opened = Open();
        var dissatisfied = _store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE csat <= 2");
        Assert.True(dissatisfied > 50, $"{dissatisfied} dissatisfied answers");
        Assert.Equal(dissatisfied, opened.Count);
        Assert.Equal(dissatisfied, _store.Count("followups"));
        Assert.Equal("csat", opened.Rule!.Metric);
    }

    [Fact]
    public void A_shop_gets_a_follow_up_on_every_dissatisfied_review()
    {
        ShopCompanyGenerator.Generate(_store, new ShopCompanyOptions(Customers: 300, Seed: 5));
        var opened = Open();
        var dissatisfied = _store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE csat <= 2");
        Assert.True(dissatisfied > 20, $"{dissatisfied} dissatisfied reviews");
        Assert.Equal(dissatisfied, opened.Count);
        Assert.Equal("dissatisfied answers (CSAT 1–2)", opened.Rule!.Answers);
    }

    public void Dispose() => _store.Dispose();
}
