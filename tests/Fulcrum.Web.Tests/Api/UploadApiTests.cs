using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Fulcrum.Web.Access;
using Fulcrum.Web.Store;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Api;

/// <summary>POST /api/imports runs the CLI's importer on an uploaded file: all or nothing, rejects named, re-import idempotent.</summary>
public sealed class UploadApiTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    static MultipartFormDataContent Form(string table, string csv, bool skipInvalid = false)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(table), "table");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "answers.csv");
        if (skipInvalid) form.Add(new StringContent("true"), "skipInvalid");
        return form;
    }

    [Fact]
    public async Task An_upload_imports_valid_rows_refuses_bad_ones_and_re_imports_without_duplicates()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        const string good = "response_id,account_id,responded_at,nps\nup-1,ACC-000001,2025-10-01T09:00:00Z,8\nup-2,ACC-000002,2025-10-02T09:00:00Z,3\n";
        var first = JsonDocument.Parse(await (await analyst.PostAsync("/api/imports", Form("responses", good))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("committed", first.GetProperty("status").GetString());
        Assert.Equal(2, first.GetProperty("inserted").GetInt64());
        var again = JsonDocument.Parse(await (await analyst.PostAsync("/api/imports", Form("responses", good))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, again.GetProperty("inserted").GetInt64());

        const string bad = "response_id,account_id,responded_at,nps\nup-3,ACC-000001,2025-10-01T09:00:00Z,12\n";
        var refused = JsonDocument.Parse(await (await analyst.PostAsync("/api/imports", Form("responses", bad))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("rejected", refused.GetProperty("status").GetString());
        Assert.Contains("out of range", refused.GetProperty("firstRejects")[0].GetProperty("reason").GetString());
        var pool = factory.Services.GetRequiredService<StorePool>();
        Assert.Equal(2, await pool.ReadAsync(s => s.Scalar<long>("SELECT COUNT(*) FROM responses WHERE response_id LIKE 'up-%'")));

        var unknownTable = await analyst.PostAsync("/api/imports", Form("spreadsheets", good));
        Assert.Equal(HttpStatusCode.BadRequest, unknownTable.StatusCode);
        Assert.Contains("Unknown table", await unknownTable.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_date_in_the_future_is_warned_about_in_the_upload_result_naming_the_uploaded_file()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var future = DateTime.UtcNow.AddYears(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = Form("responses", $"response_id,account_id,responded_at,nps\nwarn-1,ACC-000001,{future}T09:00:00Z,8\n");
        form.Add(new StringContent("true"), "dryRun");

        var result = JsonDocument.Parse(await (await analyst.PostAsync("/api/imports", form)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("dryrun", result.GetProperty("status").GetString());
        var warning = Assert.Single(result.GetProperty("warnings").EnumerateArray().ToList());
        Assert.Equal("in_future", warning.GetProperty("kind").GetString());
        var example = Assert.Single(warning.GetProperty("examples").EnumerateArray().ToList());
        Assert.Equal(("answers.csv", 2L), (example.GetProperty("file").GetString(), example.GetProperty("line").GetInt64()));
    }
}
