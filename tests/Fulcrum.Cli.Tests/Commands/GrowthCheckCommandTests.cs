using System.Text.Json;
using Fulcrum.Data.Store;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// growth-check on the survey metric the store has, and on data that cannot be split into two periods: the figures are
/// absent with the reason, never NaN, an inverted period or a "mix" out of nothing.
/// </summary>
public sealed class GrowthCheckCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-growth-").FullName;
    string Db => Path.Combine(_directory, "csat.duckdb");

    static (int Code, string Output) Run(params string[] args)
    {
        using var capture = new ConsoleCapture();
        var code = FulcrumApp.Run(args);
        return (code, capture.Spectre + capture.Standard);
    }

    void CsatOnlyCompany(bool singleDate = false)
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "200", "--years", "2", "--seed", "5", "--csat-only", "--db", Db]));
        if (!singleDate) return;
        // A snapshot: every answer on one date, as the IBM Telco data.
        using var store = FulcrumStore.Open(Db);
        store.Execute("UPDATE responses SET responded_at = TIMESTAMP '2022-09-30 12:00:00'");
    }

    [Fact]
    public void A_CSAT_only_company_is_checked_on_CSAT_by_default_as_analyze_does()
    {
        CsatOnlyCompany();
        var (code, output) = Run("growth-check", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("CSAT ", output);
        Assert.Contains("Total CSAT went from ", output);
        Assert.DoesNotContain("NPS", output);
        Assert.DoesNotContain("NaN", output);
    }

    [Fact]
    public void Asked_for_NPS_a_CSAT_only_company_is_told_which_metrics_it_has()
    {
        CsatOnlyCompany();
        var (code, output) = Run("growth-check", "--metric", "nps", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("No answers have an NPS score; this store has CSAT: run with --metric csat.", output);
        Assert.DoesNotContain("NaN", output);
        Assert.DoesNotContain("mix", output);
    }

    [Fact]
    public void Answers_on_a_single_date_show_the_reason_and_no_figures()
    {
        CsatOnlyCompany(singleDate: true);
        var (code, output) = Run("growth-check", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("growth-check needs CSAT answers in two periods; all CSAT answers fall on 2022-09-30.", output);
        Assert.DoesNotContain("NaN", output);
        Assert.DoesNotContain("share", output);
        Assert.DoesNotContain("mix", output);
    }

    [Fact]
    public void Answers_on_a_single_date_are_absent_in_json_with_the_reason_never_an_inverted_period()
    {
        CsatOnlyCompany(singleDate: true);
        var (code, output) = Run("growth-check", "--metric", "csat", "--json", "--db", Db);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("isDefined").GetBoolean());
        Assert.Equal("growth-check needs CSAT answers in two periods; all CSAT answers fall on 2022-09-30.", json.RootElement.GetProperty("reason").GetString());
        Assert.False(json.RootElement.TryGetProperty("after", out _));
        Assert.DoesNotContain("NaN", output);
    }

    [Fact]
    public void Periods_given_without_answers_in_one_are_named_with_where_the_answers_are()
    {
        CsatOnlyCompany(singleDate: true);
        var (code, output) = Run("growth-check", "--before", "2021-07-01:2021-09-30", "--after", "2022-07-01:2022-09-30", "--db", Db);

        Assert.Equal(0, code);
        Assert.Contains("there are none in 2021-07-01..2021-09-30", output);
        Assert.Contains("all CSAT answers fall on 2022-09-30", output);
        Assert.DoesNotContain("NaN", output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
