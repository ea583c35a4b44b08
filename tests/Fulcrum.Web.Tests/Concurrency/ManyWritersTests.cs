using System.Net;
using System.Text;
using System.Text.Json;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Concurrency;

/// <summary>
/// With PostgreSQL, two `serve` instances and a CLI import write to one store at once: 1,000 webhook posts spread over
/// both instances and a 100,000-row import. Every row lands exactly once, and a reader polling meanwhile sees the
/// import's rows all or not at all; and an import by yet another process invalidates the instances' caches (LISTEN/NOTIFY).
/// </summary>
public sealed class ManyWritersTests : IDisposable
{
    const int Posts = 1_000, ImportRows = 100_000;
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-writers-").FullName;

    sealed class Instance(string store) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Fulcrum:Store:Path", store);
            builder.UseSetting("Fulcrum:Intake:Secret", FulcrumWebFactory.Secret);
            builder.UseSetting("Fulcrum:Analytics:WarmUp", "false");
        }

        protected override void ConfigureClient(HttpClient client)
        {
            base.ConfigureClient(client);
            client.WithoutTimeLimit();
        }
    }

    [Fact]
    public async Task Two_instances_and_an_import_write_at_once_and_every_row_lands_exactly_once()
    {
        var db = PostgresCluster.Instance.CreateDatabase("fulcrum_writers");
        long existing;
        using (var store = FulcrumStore.Open(db))
        {
            DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(Accounts: 100, Years: 1, Seed: 3));
            existing = store.Count("responses");
        }
        var file = Path.Combine(_directory, "responses.csv");
        await File.WriteAllLinesAsync(file, ["response_id,account_id,responded_at,nps",
            .. Enumerable.Range(0, ImportRows).Select(i => $"IMP-{i:D6},ACC-{i % 100 + 1:D6},2025-10-{i % 28 + 1:D2}T09:00:00Z,{i % 11}")]);

        using var first = new Instance(db);
        using var second = new Instance(db);
        var clients = new[] { first.CreateClient(), second.CreateClient() };

        using var importing = new CancellationTokenSource();
        var import = Task.Run(() =>
        {
            try
            {
                using var store = FulcrumStore.Open(db);
                return new Importer(store).Run(new ImportRequest("responses", file, null, DryRun: false, SkipInvalid: false));
            }
            finally { importing.Cancel(); }
        });
        var seenByReader = Task.Run(() =>
        {
            using var store = FulcrumStore.Open(db);
            var seen = new HashSet<long>();
            while (!importing.IsCancellationRequested) seen.Add(store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE response_id LIKE 'IMP-%'"));
            return seen;
        });
        var posts = Enumerable.Range(0, Posts).Select(async i =>
        {
            var body = JsonSerializer.Serialize(new { response_id = $"HOOK-{i:D4}", account_id = $"ACC-{i % 100 + 1:D6}", responded_at = "2025-11-20T10:00:00Z", nps = i % 11 });
            using var response = await clients[i % 2].SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, "/api/intake/responses", body));
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(posts);
        var imported = await import;
        var seen = await seenByReader;

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted, $"intake answered {s}"));
        Assert.Equal(ImportStatus.Committed, imported.Status);
        Assert.True(seen.IsSubsetOf([0L, ImportRows]), $"a reader saw part of the import: {string.Join(", ", seen)} rows");
        using var check = FulcrumStore.Open(db);
        Assert.Equal(Posts, check.Scalar<long>("SELECT COUNT(*) FROM responses WHERE response_id LIKE 'HOOK-%'"));
        Assert.Equal(ImportRows, check.Scalar<long>("SELECT COUNT(*) FROM responses WHERE response_id LIKE 'IMP-%'"));
        Assert.Equal(existing + Posts + ImportRows, check.Count("responses"));
        Assert.Equal(check.Count("responses"), check.Scalar<long>("SELECT COUNT(DISTINCT response_id) FROM responses"));

        // Another process's import reaches the instances' caches through LISTEN/NOTIFY.
        var version = second.Services.GetRequiredService<DataVersion>();
        var before = version.Hard;
        var late = Path.Combine(_directory, "late.csv");
        await File.WriteAllLinesAsync(late, ["response_id,account_id,responded_at,nps", "LATE-1,ACC-000001,2025-12-01T09:00:00Z,3"]);
        Assert.Equal(ImportStatus.Committed, new Importer(check).Run(new ImportRequest("responses", late)).Status);
        // No deadline (a loaded machine may deliver the notification late); a notification that never comes hangs the test.
        while (version.Hard == before) await Task.Delay(50);
        Assert.True(version.Hard > before, "the second instance was not told about an import by another process");
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
