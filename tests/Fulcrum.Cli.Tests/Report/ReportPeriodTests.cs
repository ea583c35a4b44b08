using Fulcrum.Data.Store;
using Fulcrum.Reports.Executive;
using Fulcrum.Reports.Executive.Model;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>
/// The quarter a report is of: by default the latest with survey answers up to today (a future-dated row does not make
/// it a quarter nobody has lived); asked for, one with no answers in or before it is refused, naming the quarters that hold them.
/// </summary>
public sealed class ReportPeriodTests
{
    static readonly DateOnly Today = new(2026, 12, 7);

    /// <summary>A snapshot survey (every answer on 2022-09-30) and, optionally, rows dated on the given days.</summary>
    static FulcrumStore Snapshot(params string[] extraDays)
    {
        var store = FulcrumStore.Open(":memory:");
        store.Execute("INSERT INTO accounts (account_id, segment) VALUES ('A', 'Big')");
        var days = Enumerable.Repeat("2022-09-30", 5).Concat(extraDays).ToList();
        for (var i = 0; i < days.Count; i++)
            store.Execute("INSERT INTO responses (response_id, account_id, responded_at, csat) VALUES ($id, 'A', CAST($day AS TIMESTAMP), 4)", new { id = $"R{i}", day = days[i] });
        return store;
    }

    [Fact]
    public void A_future_dated_answer_does_not_choose_the_default_quarter_and_is_named()
    {
        using var store = Snapshot("2030-01-01");
        var (period, note) = ExecutiveReportBuilder.Period(store, null, Today);

        Assert.Equal("2022Q3", period.Label);
        Assert.Equal("1 survey answer is dated after today (2026-12-07; the last on 2030-01-01), so the report is of 2022Q3, the latest quarter with answers up to today; "
                     + "choose the quarter to report a later one.", note);
    }

    [Fact]
    public void Without_future_dated_answers_the_default_is_the_latest_quarter_with_answers_and_says_nothing_more()
    {
        using var store = Snapshot("2025-11-15");
        var (period, note) = ExecutiveReportBuilder.Period(store, null, Today);

        Assert.Equal("2025Q4", period.Label);
        Assert.Null(note);
    }

    [Fact]
    public void A_quarter_before_every_answer_is_refused_naming_the_quarters_that_hold_answers()
    {
        using var store = Snapshot("2030-01-01");
        var error = Assert.Throws<ArgumentException>(() => ExecutiveReportBuilder.Period(store, ReportPeriod.Parse("2019Q1"), Today));

        Assert.Equal("period", error.ParamName);
        Assert.StartsWith("No survey answers in or before 2019Q1, so there is nothing to report for it; survey answers fall in 2022Q3 and 2030Q1.", error.Message);
    }

    [Fact]
    public void A_quarter_asked_for_with_answers_before_it_is_reported()
    {
        using var store = Snapshot();
        Assert.Equal("2023Q1", ExecutiveReportBuilder.Period(store, ReportPeriod.Parse("2023Q1"), Today).Period.Label);
        Assert.Equal("2022Q3", ExecutiveReportBuilder.Period(store, ReportPeriod.Parse("2022Q3"), Today).Period.Label);
    }

    [Fact]
    public void Answers_all_dated_after_today_are_refused_rather_than_reported_as_a_future_quarter()
    {
        using var store = Snapshot();
        var error = Assert.Throws<ArgumentException>(() => ExecutiveReportBuilder.Period(store, null, new DateOnly(2020, 1, 1)));

        Assert.Equal("period", error.ParamName);
        Assert.Contains("Every survey answer is dated after today (2020-01-01; they fall in 2022Q3 only)", error.Message);
    }

    [Fact]
    public void Without_answers_the_report_is_of_the_last_full_quarter()
    {
        using var store = FulcrumStore.Open(":memory:");
        var (period, note) = ExecutiveReportBuilder.Period(store, null, Today);

        Assert.Equal("2026Q3", period.Label);
        Assert.Null(note);
    }
}
