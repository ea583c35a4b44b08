using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fulcrum.Web;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Bench.Web;

/// <summary>
/// The web app on a loopback port over an existing store: latency of the dashboard's API calls (the first, uncached call,
/// then p50/p95/max of repeated calls at a fixed concurrency) and webhook intake throughput (single posts and batches).
/// Bounded: fixed request counts and a 15-minute limit. Rows it posts are deleted again at the end.
/// </summary>
public static class WebBenchmark
{
    static readonly string[] Endpoints =
    [
        "/api/metrics?metric=nps,csat,ces&period=quarter",
        "/api/metrics?metric=nps&by=segment&period=quarter",
        "/api/metrics/overview",
        "/api/drilldown",
        "/api/growth-check",
        "/api/alerts",
        "/api/status",
        "/api/assumptions",
        "/api/followups",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var db = Option(args, "--db") ?? throw new ArgumentException("--db PATH is required (make one with `fulcrum generate --accounts 100000 --db PATH`).");
        if (!File.Exists(db)) { Console.Error.WriteLine($"No database at {db}."); return 2; }
        var requests = int.Parse(Option(args, "--requests") ?? "200", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency") ?? "4", CultureInfo.InvariantCulture);
        var intake = int.Parse(Option(args, "--intake") ?? "5000", CultureInfo.InvariantCulture);
        var batch = int.Parse(Option(args, "--batch") ?? "100", CultureInfo.InvariantCulture);
        var output = Option(args, "--out");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        var app = FulcrumWeb.Build([
            "--urls", "http://127.0.0.1:0", $"--Fulcrum:Store:Path={db}", $"--Fulcrum:Intake:Secret={secret}",
            "--Fulcrum:Analytics:WarmUp=false", "--Fulcrum:Intake:RateLimitBurst=10000000", "--Fulcrum:Intake:RateLimitPerSecond=10000000",
        ]);
        await app.StartAsync(limit.Token);
        var baseUrl = app.Urls.First().TrimEnd('/');
        var users = app.Services.GetRequiredService<UserStore>();
        var key = await users.CreateKeyAsync("bench", Roles.Viewer, "bench");
        var pool = app.Services.GetRequiredService<StorePool>();
        var (accounts, responses) = await pool.ReadAsync(s => (s.Count("accounts"), s.Count("responses")));
        var accountIds = await pool.ReadAsync(s => s.Query<string>("SELECT account_id FROM accounts ORDER BY account_id LIMIT 1000").ToArray());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(concurrency, 32) }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        // Webhook senders authenticate by signature only.
        using var webhook = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"\n## Web API and intake on {accounts:N0} accounts / {responses:N0} responses, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"```\ndotnet run -c Release --project bench/Fulcrum.Bench -- web --db {Path.GetFileName(db)} --requests {requests} --concurrency {concurrency} --intake {intake} --batch {batch}\n```\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, load average at start {load}. Server and client in one process on loopback (Kestrel, HTTP/1.1).\n");
        report.AppendLine(CultureInfo.InvariantCulture, $"| endpoint | first call (computes, builds fact tables if needed) | p50 | p95 | max | requests × concurrency | CPU per request |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        try
        {
            foreach (var endpoint in Endpoints)
            {
                var cold = await Time(() => Get(http, endpoint, limit.Token));
                var cpu = Cpu();
                var latencies = await Repeat(requests, concurrency, () => Get(http, endpoint, limit.Token));
                var cpuPer = (Cpu() - cpu) / requests;
                var line = $"| `{endpoint}` | {cold:F0} ms | {Percentile(latencies, 0.50):F1} ms | {Percentile(latencies, 0.95):F1} ms | {latencies.Max():F1} ms | {requests} × {concurrency} | {cpuPer:F2} ms |";
                report.AppendLine(line);
                Console.WriteLine(line);
            }

            report.AppendLine("\n| intake | responses | wall time | responses/s | p95 request latency | CPU per response (client + server) | responses/s if both cores were free |\n|---|---:|---:|---:|---:|---:|---:|");
            var run = Guid.NewGuid().ToString("N")[..8];
            var singles = Enumerable.Range(0, intake).Select(i => Body(run, "s", i, accountIds)).ToArray();
            var singleClock = Stopwatch.StartNew();
            var singleCpu = Cpu();
            var singleLatencies = await RepeatIndexed(intake, 32, i => Post(webhook, "/api/intake/responses", singles[i], secret, limit.Token));
            var singleSeconds = singleClock.Elapsed.TotalSeconds;
            var singleCpuPer = (Cpu() - singleCpu) / intake;
            report.AppendLine(CultureInfo.InvariantCulture, $"| single posts, 32 concurrent | {intake:N0} | {singleSeconds:F2} s | **{intake / singleSeconds:N0}** | {Percentile(singleLatencies, 0.95):F1} ms | {singleCpuPer:F2} ms | {Environment.ProcessorCount * 1000 / singleCpuPer:N0} |");

            var batches = Enumerable.Range(0, intake / batch)
                .Select(b => "[" + string.Join(",", Enumerable.Range(0, batch).Select(i => Body(run, "b", b * batch + i, accountIds))) + "]").ToArray();
            var batchClock = Stopwatch.StartNew();
            var batchCpu = Cpu();
            var batchLatencies = await RepeatIndexed(batches.Length, 4, i => Post(webhook, "/api/intake/responses/batch", batches[i], secret, limit.Token));
            var batchSeconds = batchClock.Elapsed.TotalSeconds;
            var batchCpuPer = (Cpu() - batchCpu) / (batches.Length * batch);
            report.AppendLine(CultureInfo.InvariantCulture, $"| batches of {batch}, 4 concurrent | {batches.Length * batch:N0} | {batchSeconds:F2} s | **{batches.Length * batch / batchSeconds:N0}** | {Percentile(batchLatencies, 0.95):F1} ms | {batchCpuPer:F3} ms | {Environment.ProcessorCount * 1000 / batchCpuPer:N0} |");

            var landed = await pool.ReadAsync(s => s.Scalar<long>("SELECT COUNT(*) FROM responses WHERE response_id LIKE $prefix", new { prefix = $"bench-{run}-%" }));
            report.AppendLine(CultureInfo.InvariantCulture, $"\nRows landed: {landed:N0} of {intake + batches.Length * batch:N0} posted (each acknowledged only after its commit).");
            await app.Services.GetRequiredService<StoreWriter>().RunAsync(s => s.Execute("DELETE FROM responses WHERE response_id LIKE $prefix", new { prefix = $"bench-{run}-%" }), changesData: true);
        }
        finally
        {
            await users.RevokeKeyAsync(key.Info.KeyId);
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Console.WriteLine(report);
        if (output is not null) await File.AppendAllTextAsync(output, report.ToString());
        return 0;
    }

    /// <summary>CPU time of this process (server and client), ms: unlike wall time it hardly depends on what else the machine runs.</summary>
    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    static string Body(string run, string kind, int i, string[] accounts) =>
        $$"""{"response_id":"bench-{{run}}-{{kind}}{{i}}","account_id":"{{accounts[i % accounts.Length]}}","responded_at":"2025-12-01T10:00:00Z","nps":{{i % 11}},"comment":"benchmark"}""";

    static async Task Get(HttpClient http, string url, CancellationToken cancellation)
    {
        using var response = await http.GetAsync(url, cancellation);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}");
        await response.Content.ReadAsByteArrayAsync(cancellation);
    }

    static async Task Post(HttpClient http, string url, string body, string secret, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Signed as the intake expects: HMAC of "TIMESTAMP.BODY", the timestamp sent alongside.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Headers.Add("X-Fulcrum-Timestamp", timestamp);
        request.Headers.Add("X-Fulcrum-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body))));
        using var response = await http.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}");
    }

    static async Task<double> Time(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    static Task<List<double>> Repeat(int count, int concurrency, Func<Task> action) => RepeatIndexed(count, concurrency, _ => action());

    static async Task<List<double>> RepeatIndexed(int count, int concurrency, Func<int, Task> action)
    {
        var latencies = new double[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) latencies[i] = await Time(() => action(i));
        }));
        return latencies.ToList();
    }

    static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
