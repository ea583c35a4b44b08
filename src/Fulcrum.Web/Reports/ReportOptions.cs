namespace Fulcrum.Web.Reports;

/// <summary>Reports and their schedules (configuration section <c>Fulcrum:Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Fulcrum:Reports";

    /// <summary>Where generated reports are kept for download, one folder per run; default <c>reports</c> beside the store.</summary>
    public string? Folder { get; set; }

    /// <summary>Chromium, which prints the PDF.</summary>
    public string Chromium { get; set; } = Fulcrum.Reports.Executive.Pdf.ReportPdf.DefaultChromium;

    /// <summary>How often the scheduler looks for due schedules.</summary>
    public double PollSeconds { get; set; } = 30;

    /// <summary>Attempts per scheduled run (rendering and delivery) before it is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt; doubled before each later one.</summary>
    public double RetryDelaySeconds { get; set; } = 30;

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The mail server scheduled reports are sent through (<c>Fulcrum:Reports:Smtp</c>). The password is never logged.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>none, starttls (upgrade when offered: the default), or tls (TLS from the start, port 465).</summary>
    public string Security { get; set; } = "starttls";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "fulcrum@localhost";
    public double TimeoutSeconds { get; set; } = 30;
}
