using Fulcrum.Analytics.Value.ClosedLoop;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Value;

/// <summary>The closed loop on a small hand-made store: sync, transitions, history and measures.</summary>
public sealed class FollowupsTests : IDisposable
{
    readonly FulcrumStore _store = FulcrumStore.Open(":memory:");

    public FollowupsTests()
    {
        _store.Execute("""
            INSERT INTO accounts (account_id, name, owner) VALUES ('A1', 'One', 'Ana'), ('A2', 'Two', NULL), ('A3', 'Three', 'Cy');
            INSERT INTO subscriptions (account_id, product, start_date, arr, account_manager) VALUES
                ('A2', 'Core', DATE '2023-01-01', 1000, 'Old Manager'), ('A2', 'Analytics', DATE '2024-01-01', 500, 'Bo');
            INSERT INTO responses (response_id, account_id, responded_at, nps) VALUES
                ('R1', 'A1', TIMESTAMP '2024-01-10 09:00', 3), ('R2', 'A1', TIMESTAMP '2024-04-10 09:00', 9),
                ('R3', 'A2', TIMESTAMP '2024-01-15 09:00', 6), ('R4', 'A2', TIMESTAMP '2024-05-15 09:00', 5),
                ('R5', 'A3', TIMESTAMP '2024-02-01 09:00', 8), ('R6', 'A3', TIMESTAMP '2024-02-20 09:00', 0), ('R7', 'A3', NULL, NULL);
            """.Replace("('R7', 'A3', NULL, NULL)", "('R7', 'A3', TIMESTAMP '2024-06-01 09:00', NULL)"));
        _store.Execute("INSERT INTO outcomes (account_id, outcome_date, kind, arr_before, arr_after) VALUES ('A3', DATE '2024-09-01', 'churn', 800, 0)");
    }

    Followups Loop => new(_store);

    [Fact]
    public void Sync_opens_one_follow_up_per_detractor_answer_with_owner_and_due_date_and_is_idempotent()
    {
        var first = Loop.Sync();
        Assert.Equal(4, first.Opened);
        Assert.Equal(7, first.SlaDays);
        var second = Loop.Sync();
        Assert.Equal(0, second.Opened);
        Assert.Equal(4, second.AlreadyFollowedUp);
        var cases = Loop.List().ToDictionary(f => f.ResponseId);
        Assert.Equal(["R1", "R3", "R4", "R6"], cases.Keys.Order());
        Assert.Equal("Ana", cases["R1"].Owner);
        Assert.Equal("Bo", cases["R3"].Owner); // no account owner: the latest account manager
        Assert.Equal(new DateOnly(2024, 1, 17), cases["R1"].Due);
        Assert.All(cases.Values, c => Assert.Equal(Followups.Open, c.Status));
        Assert.Equal(4, _store.Count("followup_events"));
    }

    [Fact]
    public void Transitions_go_open_assigned_closed_and_are_recorded()
    {
        Loop.Sync();
        Loop.Assign("R1", "Dee", new DateTime(2024, 1, 11, 9, 0, 0));
        Loop.Assign("R1", "Eve", new DateTime(2024, 1, 12, 9, 0, 0));
        var closed = Loop.Close("R1", "Called back; fixed the export", new DateTime(2024, 1, 14, 9, 0, 0));
        Assert.Equal(Followups.Closed, closed.Status);
        Assert.Equal("Eve", closed.Owner);
        Assert.Equal("Called back; fixed the export", closed.Resolution);
        var history = Loop.History("R1");
        Assert.Equal([(null, "open"), ("open", "assigned"), ("assigned", "assigned"), ("assigned", "closed")],
            history.Select(e => (e.FromStatus, e.ToStatus)));
        Assert.Equal([1, 2, 3, 4], history.Select(e => e.Seq));
    }

    [Fact]
    public void Invalid_transitions_and_unknown_follow_ups_are_refused_with_clear_errors()
    {
        Loop.Sync();
        Assert.Contains("there is no such response", Assert.Throws<FollowupException>(() => Loop.Close("NOPE", "done")).Message);
        Assert.Contains("has no follow-up", Assert.Throws<FollowupException>(() => Loop.Close("R2", "done")).Message);
        Assert.Contains("assign it first", Assert.Throws<FollowupException>(() => Loop.Close("R1", "done")).Message);
        Assert.Contains("A resolution is needed", Assert.Throws<FollowupException>(() => Loop.Close("R1", " ")).Message);
        Assert.Contains("An owner is needed", Assert.Throws<FollowupException>(() => Loop.Assign("R1", "")).Message);
        Assert.Contains("cannot be dated before", Assert.Throws<FollowupException>(() => Loop.Assign("R1", "Dee", new DateTime(2023, 1, 1))).Message);
        Loop.Assign("R1", "Dee", new DateTime(2024, 1, 11));
        Assert.Contains("already assigned to Dee", Assert.Throws<FollowupException>(() => Loop.Assign("R1", "Dee")).Message);
        Loop.Close("R1", "done", new DateTime(2024, 1, 12));
        Assert.Contains("already closed", Assert.Throws<FollowupException>(() => Loop.Close("R1", "again")).Message);
        Assert.Contains("cannot be assigned again", Assert.Throws<FollowupException>(() => Loop.Assign("R1", "Eve")).Message);
        Assert.Contains("Unknown status 'done'", Assert.Throws<FollowupException>(() => Loop.List(status: "done")).Message);
        // Nothing the refused calls tried was recorded.
        Assert.Equal(3, Loop.History("R1").Count);
    }

    [Fact]
    public void Measures_give_time_to_close_share_within_sla_and_later_nps_and_churn()
    {
        Loop.Sync();
        Loop.Assign("R1", "Dee", new DateTime(2024, 1, 11, 9, 0, 0));
        Loop.Close("R1", "fixed", new DateTime(2024, 1, 14, 9, 0, 0));   // 4 days, within the 7-day SLA
        Loop.Assign("R3", "Bo", new DateTime(2024, 1, 16, 9, 0, 0));
        Loop.Close("R3", "credited", new DateTime(2024, 1, 25, 9, 0, 0)); // 10 days, late
        var report = ClosedLoopMeasures.Run(_store, new DateOnly(2025, 12, 31));
        Assert.Equal(4, report.Cases);
        Assert.Equal(2, report.Closed);
        Assert.Equal(2, report.Overdue);
        Assert.Equal(7, report.DaysToClose.Value, 9);
        Assert.Equal(7, report.MedianDaysToClose, 9);
        Assert.Equal(0.25, report.WithinSla.Value, 9); // 1 of 4 due cases closed in time
        // Next answer within 180 days: R1 → R2 (9, promoter); R3 → R4 (5); R4 and R6 have none (R7 has no score).
        Assert.Equal(2, report.LaterScore.FollowedUp.N);
        Assert.Equal(0, report.LaterScore.FollowedUp.Value, 9);
        Assert.Equal(0, report.LaterScore.NotFollowedUp.N);
        // Churn within a year: A3 churned after R6 (not followed up); none of the followed-up accounts did.
        Assert.Equal(0, report.Outcome.FollowedUp.Value, 9);
        Assert.Equal(0.5, report.Outcome.NotFollowedUp.Value, 9);
        Assert.Contains("Observational", report.Caveat);
        // The rule and the measures name NPS: a store that asks NPS keeps the detractor rule.
        Assert.Equal("detractor answers (NPS 0–6)", report.Rule);
        Assert.Equal("NPS of the account's next answer within 180 days", report.LaterScore.Measure);
        Assert.Equal("churn within 365 days", report.Outcome.Measure);
    }

    public void Dispose() => _store.Dispose();
}
