using System.Net;
using System.Text;
using System.Text.Json;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Security;

/// <summary>
/// Random bodies posted to the signed intake (one response or a batch; known, unknown and odd fields; values of every
/// JSON type including NULs, control characters and out-of-range scores and dates; sometimes not JSON at all) never get
/// a 5xx, never change the store when refused, and change no response or follow-up other than the ones they name.
/// </summary>
public sealed class IntakeFuzzTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    static readonly string[] Fields = ["response_id", "account_id", "responded_at", "nps", "csat", "ces", "comment", "channel", "survey", "colour"];
    static readonly string[] Dates = ["2025-06-01T10:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31", "yesterday", "2025-02-30"];

    [Property(MaxTest = 80)]
    public void Random_posts_never_fail_the_server_and_touch_only_what_they_name(byte[] choices, string[] texts, int[] numbers, bool batch, bool garbage)
    {
        var count = Math.Min(Math.Max(1, choices.Length / 4), 5);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<Dictionary<string, object?>>();
        for (var i = 0; i < count; i++)
        {
            var item = new Dictionary<string, object?>();
            foreach (var (field, k) in Fields.Select((f, k) => (f, k)))
            {
                var choice = At(choices, i * 7 + k);
                if (choice % 5 == 0) continue;
                item[field] = field switch
                {
                    "response_id" => choice % 3 == 0 ? At(texts, i) : $"FUZZ-{choice % 12}",
                    "account_id" => choice % 4 == 0 ? At(texts, i + 1) : $"ACC-{1 + choice % 9:D6}",
                    "responded_at" => Dates[choice % Dates.Length],
                    "nps" or "csat" or "ces" => choice % 3 == 0 ? At(texts, i + 2) : At(numbers, i + k) % 13,
                    _ => At(texts, i + k),
                };
            }
            if (item.GetValueOrDefault("response_id") is string id) named.Add(id);
            items.Add(item);
        }
        var body = garbage ? Encoding.UTF8.GetBytes(string.Concat(texts.Take(3))) : JsonSerializer.SerializeToUtf8Bytes<object>(batch ? items : items[0]);
        var url = batch ? "/api/intake/responses/batch" : "/api/intake/responses";

        var pool = factory.Services.GetRequiredService<StorePool>();
        var everything = Checksum(pool, []);
        var untouched = Checksum(pool, named);
        using var client = factory.Anonymous();
        // Each post signed at its own second, as a sender signs each post (the same body twice in a second is a replay).
        var signedAt = FirstSignature + Interlocked.Increment(ref _posts);
        using var response = client.SendAsync(FulcrumWebFactory.Signed(HttpMethod.Post, url, body, timestamp: signedAt)).GetAwaiter().GetResult();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"{(int)response.StatusCode} for {Encoding.UTF8.GetString(body)}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        if (response.StatusCode == HttpStatusCode.BadRequest) Assert.Equal(everything, Checksum(pool, []));
        else Assert.Equal(untouched, Checksum(pool, named));
    }

    static long _posts;
    // Early enough in the 5-minute window that every post of a run gets a second of its own.
    static readonly long FirstSignature = FulcrumWebFactory.Now - 200;

    static T? At<T>(T[] values, int i) => values.Length == 0 ? default : values[i % values.Length];

    /// <summary>Count and hash of every response and follow-up whose id is not in <paramref name="except"/>.</summary>
    static (long, long) Checksum(StorePool pool, HashSet<string> except) => pool.ReadAsync(s =>
    {
        var rows = s.Query<(string Id, long Hash)>(
            "SELECT response_id, CAST(hash(concat_ws('|', account_id, responded_at, nps, csat, ces, comment, channel, survey)) % 1000000007 AS BIGINT) FROM responses " +
            "UNION ALL SELECT response_id, CAST(hash(concat_ws('|', 'f', owner, status, due)) % 1000000007 AS BIGINT) FROM followups");
        var kept = rows.Where(r => !except.Contains(r.Id)).ToList();
        return ((long)kept.Count, kept.Aggregate(0L, (sum, r) => unchecked(sum + r.Hash)));
    }).GetAwaiter().GetResult();
}
