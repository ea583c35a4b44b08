using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Reports;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Reports;

/// <summary>
/// Report schedules end to end: an admin creates one through the API, the scheduler renders the report and e-mails it to an
/// SMTP sink on a loopback port (PDF attached); a mail server that refuses leads to retries and a recorded error, not a crash.
/// </summary>
public sealed class ReportScheduleTests
{
    const string SmtpPassword = "smtp-secret-never-logged";

    static FulcrumWebFactory Factory(int smtpPort, string folder) => new(new Dictionary<string, string?>
    {
        ["Fulcrum:Reports:Folder"] = folder,
        ["Fulcrum:Reports:Smtp:Host"] = "127.0.0.1",
        ["Fulcrum:Reports:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Fulcrum:Reports:Smtp:Security"] = "none",
        ["Fulcrum:Reports:Smtp:Password"] = SmtpPassword,
        ["Fulcrum:Reports:Smtp:From"] = "fulcrum@test.local",
        // The failures under test are the server's refusals, not timeouts: the exchange with the local sink has no
        // practical time limit (the 30 s default could expire on a loaded machine with nothing wrong).
        ["Fulcrum:Reports:Smtp:TimeoutSeconds"] = "3600",
        ["Fulcrum:Reports:MaxAttempts"] = "3",
        ["Fulcrum:Reports:RetryDelaySeconds"] = "0.05",
        // The test runs the due schedules itself; the background poll only runs them at start (when none exists yet).
        ["Fulcrum:Reports:PollSeconds"] = "3600",
    }, accounts: 600);

    /// <summary>Creates an e-mail schedule through the API and makes it due (as after a missed run).</summary>
    static async Task<ReportSchedule> DueEmailScheduleAsync(FulcrumWebFactory factory)
    {
        using var admin = await factory.ClientAsync(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/reports/schedules", new
        {
            name = "Board pack", cron = "0 7 1 1,4,7,10 *", timeZone = "Europe/Berlin", periodRule = "latest-data", compareWith = "year",
            formats = "pdf", delivery = "email", target = "vp-cx@example.com, cfo@example.com",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var schedule = (await response.Content.ReadFromJsonAsync<ReportSchedule>())!;
        Assert.True(schedule.NextRunAt > DateTime.UtcNow);
        await factory.Services.GetRequiredService<ReportRepository>().SetNextRunAsync(schedule.ScheduleId, DateTime.UtcNow.AddDays(-1));
        return schedule;
    }

    [Fact]
    public async Task A_due_schedule_emails_the_report_with_the_pdf_attached_and_records_the_run()
    {
        await using var sink = new SmtpSink();
        using var folder = new TempFolder();
        using var factory = Factory(sink.Port, folder.Path);
        var schedule = await DueEmailScheduleAsync(factory);

        var runs = await factory.Services.GetRequiredService<ReportScheduler>().RunDueAsync(CancellationToken.None);

        var run = Assert.Single(runs);
        Assert.Equal(ReportRun.Delivered, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Equal("2025Q4", run.Period);
        Assert.Equal("e-mail to vp-cx@example.com, cfo@example.com", run.DeliveredTo);
        var message = Assert.Single(sink.Messages);
        Assert.Contains("Subject: CX value report 2025Q4", message);
        Assert.Contains("To: vp-cx@example.com, cfo@example.com", message);
        Assert.Contains("Content-Type: application/pdf", message);
        Assert.Contains("cx-value-report-2025Q4.pdf", message);
        Assert.Contains("JVBERi0", message); // "%PDF-" in base64: the attachment is a PDF
        // Missed runs run once: the schedule moved to its next time, and running again finds nothing due.
        Assert.Empty(await factory.Services.GetRequiredService<ReportScheduler>().RunDueAsync(CancellationToken.None));
        var stored = (await factory.Services.GetRequiredService<ReportRepository>().SchedulesAsync()).Single(s => s.ScheduleId == schedule.ScheduleId);
        Assert.True(stored.NextRunAt > DateTime.UtcNow);

        using var viewer = await factory.ClientAsync(Roles.Viewer);
        var history = await viewer.GetFromJsonAsync<List<ReportRun>>("/api/reports");
        Assert.Equal(ReportRun.Delivered, Assert.Single(history!).Status);
        var pdf = await viewer.GetAsync($"/api/reports/{run.RunId}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task A_failing_mail_server_leads_to_retries_and_a_recorded_error_not_a_crash()
    {
        await using var sink = new SmtpSink(refuse: true);
        using var folder = new TempFolder();
        using var factory = Factory(sink.Port, folder.Path);
        await DueEmailScheduleAsync(factory);

        var run = Assert.Single(await factory.Services.GetRequiredService<ReportScheduler>().RunDueAsync(CancellationToken.None));

        Assert.Equal(ReportRun.Failed, run.Status);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(3, sink.Connections);
        Assert.Contains("test server refuses mail", run.Error); // the server's own words
        Assert.NotNull(run.FinishedAt);
        Assert.Contains(factory.Logs.Lines, l => l.Contains("attempt 3 of 3 failed", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(SmtpPassword, StringComparison.Ordinal));
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        var page = await (await viewer.GetAsync("/api/reports")).Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"failed\"", page);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Analysts_generate_now_and_everyone_downloads_while_bad_schedules_are_refused()
    {
        using var folder = new TempFolder();
        using var factory = Factory(25, folder.Path);
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var created = await analyst.PostAsJsonAsync("/api/reports", new { period = "2025Q3", compare = "previous", formats = "html,xlsx" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var run = (await created.Content.ReadFromJsonAsync<ReportRun>())!;
        Assert.Equal(("2025Q3", ReportRun.Generated), (run.Period, run.Status));
        using var viewer = await factory.ClientAsync(Roles.Viewer);
        var html = await viewer.GetStringAsync($"/api/reports/{run.RunId}/html");
        Assert.Contains("CX value report 2025Q3", html);
        Assert.Contains("compared with 2025Q2", html);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/reports/{run.RunId}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostAsJsonAsync("/api/reports", new { period = "2025Q9" })).StatusCode);

        // A quarter before any answer is refused up front, as `fulcrum report --period` refuses it: a 400 naming the field and
        // the quarters that hold answers, and no failed run recorded for it.
        var empty = await analyst.PostAsJsonAsync("/api/reports", new { period = "2019Q1" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var refusal = await empty.Content.ReadFromJsonAsync<JsonElement>();
        var periodErrors = refusal.GetProperty("errors").GetProperty("period");
        Assert.StartsWith("No survey answers in or before 2019Q1, so there is nothing to report for it; survey answers fall in ", periodErrors[0].GetString());
        Assert.Contains("2025Q4", periodErrors[0].GetString());
        var runs = await viewer.GetFromJsonAsync<List<ReportRun>>("/api/reports");
        Assert.DoesNotContain(runs!, r => r.Period == "2019Q1");
        Assert.DoesNotContain(runs!, r => r.Status == ReportRun.Failed);
        // The Reports page says the same at the field, keeping what was typed.
        await factory.Services.GetRequiredService<UserStore>().CreateUserAsync("report-analyst", "correct horse battery", Roles.Analyst);
        using var browser = await BrowserSession.SignInAsync(factory, "report-analyst", "correct horse battery");
        var form = await browser.PostFormAsync("/reports?handler=Generate", new() { ["period"] = "2019Q1", ["compare"] = "year", ["formats"] = "html" }, tokenFrom: "/reports");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync();
        Assert.Contains("value=\"2019Q1\"", page);
        Assert.Contains("aria-describedby=\"period-error\"", page);
        Assert.Contains("<span id=\"period-error\" class=\"error\">No survey answers in or before 2019Q1", page);

        using var admin = await factory.ClientAsync(Roles.Admin);
        var bad = await admin.PostAsJsonAsync("/api/reports/schedules", new { name = "x", cron = "every monday", delivery = "email", target = "a@b.c" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("is not a cron expression", problem.GetProperty("detail").GetString());
    }
}
