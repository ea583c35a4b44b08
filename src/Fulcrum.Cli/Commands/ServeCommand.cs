using Fulcrum.Web;
using Microsoft.Extensions.Hosting;

namespace Fulcrum.Cli.Commands;

[Description("Serve the dashboard, the REST API (OpenAPI at /openapi/v1.json) and the signed webhook intake. " +
             "Prints the URL, and on first start an admin login whose password is shown once.")]
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated (e.g. http://127.0.0.1:5080). Use 0.0.0.0 only behind TLS.")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        public override ValidationResult Validate() =>
            Urls.Split(';', StringSplitOptions.RemoveEmptyEntries).All(u => Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                ? ValidationResult.Success()
                : ValidationResult.Error($"--urls must be http(s) URLs separated by ';', not '{Urls}'.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var app = FulcrumWeb.Build(["--urls", settings.Urls, $"--{Web.Options.StoreOptions.Section}:Path={settings.Db}"]);
        await app.StartAsync(cancellationToken);
        var admin = await FulcrumWeb.EnsureFirstAdminAsync(app.Services);
        AnsiConsole.MarkupLine($"Fulcrum is serving [bold]{Markup.Escape(StoreLocation.Parse(settings.Db).Display)}[/] on [link]{Markup.Escape(string.Join(", ", app.Urls))}[/]");
        if (admin is { Password: { } password })
            // Printed to the console once, never logged; only its PBKDF2 hash is stored.
            AnsiConsole.MarkupLine($"First admin login: [bold]{Markup.Escape(admin.Username)}[/] / [bold]{Markup.Escape(password)}[/]  (shown once; add users and keys on the Admin page)");
        else if (admin is not null)
            AnsiConsole.MarkupLine($"First admin login: [bold]{Markup.Escape(admin.Username)}[/] with the configured password.");
        AnsiConsole.MarkupLine("[grey]Ctrl+C stops the server.[/]");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
