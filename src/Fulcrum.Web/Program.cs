using Fulcrum.Web;

// Run the dashboard on its own (`dotnet run --project src/Fulcrum.Web -- --Fulcrum:Store:Path=fulcrum.duckdb`);
// `fulcrum serve` is the usual way and builds the same app.
var app = FulcrumWeb.Build(args);
await app.StartAsync();
if (await FulcrumWeb.EnsureFirstAdminAsync(app.Services) is { Password: { } password } admin)
    Console.WriteLine($"First admin: {admin.Username} / {password} (shown once; change it on the Admin page)");
Console.WriteLine($"Fulcrum is serving on {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
