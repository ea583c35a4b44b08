using System.Net.Http.Headers;
using System.Text.Json;
using Fulcrum.Reports.Executive.Model;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Fulcrum.Web.Reports;

/// <summary>Delivers a generated report as a schedule says: copied into a folder, e-mailed with the files attached, or posted to a webhook.</summary>
public sealed class ReportDelivery(IOptions<ReportOptions> options, IHttpClientFactory http)
{
    /// <returns>Where it went, in words for the run's record.</returns>
    public async Task<string> DeliverAsync(ReportSchedule schedule, GeneratedReport generated, CancellationToken cancellation) => schedule.Delivery switch
    {
        Deliveries.Folder => CopyToFolder(schedule.Target, generated),
        Deliveries.Email => await EmailAsync(schedule, generated, cancellation),
        _ => await PostAsync(schedule.Target, generated, cancellation),
    };

    static string CopyToFolder(string folder, GeneratedReport generated)
    {
        Directory.CreateDirectory(folder);
        foreach (var (_, path) in generated.Files) File.Copy(path, Path.Combine(folder, Path.GetFileName(path)), overwrite: true);
        return $"folder {Path.GetFullPath(folder)}";
    }

    async Task<string> EmailAsync(ReportSchedule schedule, GeneratedReport generated, CancellationToken cancellation)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("No mail server is configured: set Fulcrum:Reports:Smtp:Host (and Port, Username, Password, From).");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var recipient in ScheduleRequest.Recipients(schedule.Target)) message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = generated.Report.Title;
        var body = new BodyBuilder { TextBody = SummaryText(generated.Report) };
        foreach (var (format, path) in generated.Files)
            await body.Attachments.AddAsync(path, ContentType.Parse(format.ContentType()), cancellation);
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        var security = smtp.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellation);
        if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellation);
        await client.SendAsync(message, cancellation);
        await client.DisconnectAsync(quit: true, cancellation);
        return $"e-mail to {schedule.Target}";
    }

    async Task<string> PostAsync(string url, GeneratedReport generated, CancellationToken cancellation)
    {
        using var content = new MultipartFormDataContent();
        var about = JsonSerializer.Serialize(new { title = generated.Report.Title, period = generated.Report.Period.Label, summary = generated.Report.Summary });
        content.Add(new StringContent(about, System.Text.Encoding.UTF8, "application/json"), "report");
        foreach (var (format, path) in generated.Files)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path, cancellation));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(format.ContentType());
            content.Add(file, format.Extension(), Path.GetFileName(path));
        }
        using var response = await http.CreateClient(nameof(ReportDelivery)).PostAsync(url, content, cancellation);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        return $"webhook {new Uri(url).GetLeftPart(UriPartial.Path)}";
    }

    static string SummaryText(ExecutiveReport report) =>
        $"{report.Title} (compared with {report.ComparedWith.Label})\n\n" +
        string.Join("\n\n", report.Summary.Select(p => p.Topic + "\n" + string.Join("\n", p.Sentences.Select(s => "- " + s)))) +
        "\n\nThe full report is attached.";
}
