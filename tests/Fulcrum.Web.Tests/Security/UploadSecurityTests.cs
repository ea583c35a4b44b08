using System.Net;
using System.Text;
using System.Text.Json;
using Fulcrum.Web.Tests.Support;

namespace Fulcrum.Web.Tests.Security;

/// <summary>Small import limits, so crossing them is cheap.</summary>
public sealed class LimitedUploadWebFactory() : FulcrumWebFactory(new Dictionary<string, string?>
{
    ["Fulcrum:Limits:MaxStagedRows"] = "1000",
    ["Fulcrum:Limits:MaxColumns"] = "200",
});

/// <summary>
/// Findings 1, 7 and 12 of the hardening review replayed against uploads: a mapping that joins files outside the upload
/// (absolute, '..'), amplification (nested replace, repeat, thousands of columns, dry run included) and bad file names.
/// </summary>
public sealed class UploadSecurityTests(LimitedUploadWebFactory factory) : IClassFixture<LimitedUploadWebFactory>
{
    const string Accounts = "account_id,name\nACC-000001,Renamed Co\n";

    static string JoinMapping(string file) => $$"""
        join:
          - file: "{{file}}"
            on: account_id
        tables:
          - table: accounts
            fields:
              account_id: account_id
              name: { expr: "concat([name], ' / ', [NAME])" }
        """;

    async Task<HttpResponseMessage> Upload(string data, string? mapping = null, bool dryRun = false, params (string Name, string Content)[] joined)
    {
        using var analyst = await factory.ClientAsync("analyst");
        var form = new MultipartFormDataContent { { new StringContent(data), "file", "accounts.csv" }, { new StringContent("accounts"), "table" } };
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping", "mapping.yaml");
        if (dryRun) form.Add(new StringContent("true"), "dryRun");
        foreach (var (name, content) in joined) form.Add(new StringContent(content), "join", name);
        return await analyst.PostAsync("/api/imports", form);
    }

    [Theory]
    [InlineData("/etc/os-release")]
    [InlineData("../../../../etc/os-release")]
    [InlineData("/dev/zero")]
    [InlineData("/etc/no-such-file")]
    public async Task A_mapping_cannot_join_a_file_outside_the_upload(string path)
    {
        var response = await Upload(Accounts, JoinMapping(path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("must be a file in the import's folder", text);
        // Nothing of the file, not even whether it exists.
        Assert.DoesNotContain("PRETTY_NAME", text);
        Assert.DoesNotContain("not found", text);
    }

    [Fact]
    public async Task A_mapping_may_join_a_file_uploaded_with_it()
    {
        var response = await Upload(Accounts, JoinMapping("extra.csv"), joined: ("extra.csv", "account_id,NAME\nACC-000001,joined\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("committed", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Nested_replaces_cannot_build_a_huge_value()
    {
        var expr = "[name]";
        for (var i = 0; i < 8; i++) expr = $"replace({expr}, 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')";
        var mapping = $"tables:\n  - table: accounts\n    fields:\n      account_id: account_id\n      name: {{ expr: \"{expr}\" }}\n";
        var response = await Upload("account_id,name\nACC-000001,a\n", mapping);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rejected", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("at most 1,000,000", json.RootElement.GetProperty("firstRejects")[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Repeat_cannot_stage_more_rows_than_the_limit_even_in_a_dry_run(bool dryRun)
    {
        const string mapping = """
            tables:
              - table: accounts
                repeat: "[n]"
                fields:
                  account_id: { template: "{account_id}-{#}" }
            """;
        var response = await Upload("account_id,n\nA,600\nB,600\n", mapping, dryRun);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("would stage more than 1,000 rows", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_with_thousands_of_columns_is_refused_before_it_is_read()
    {
        var header = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"c{i}"));
        var response = await Upload($"account_id,{header}\nA,{string.Join(",", Enumerable.Repeat("x", 10_000))}\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10,001 columns; at most 200", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("sub/answers.csv")]
    [InlineData("a-304-character-name")]
    public async Task Bad_upload_names_get_400_naming_the_rule(string name)
    {
        if (name == "a-304-character-name") name = new string('n', 300) + ".csv";
        using var analyst = await factory.ClientAsync("analyst");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Accounts));
        var form = new MultipartFormDataContent { { new StringContent("accounts"), "table" } };
        form.Add(file, "file", name);
        var response = await analyst.PostAsync("/api/imports", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("plain names of 1 to 100 characters", await response.Content.ReadAsStringAsync());
    }
}
