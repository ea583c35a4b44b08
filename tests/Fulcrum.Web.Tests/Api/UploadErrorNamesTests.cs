using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fulcrum.Web.Access;
using Fulcrum.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fulcrum.Web.Tests.Api;

/// <summary>
/// An upload's errors, rejects and record name the files as the user uploaded them, as `fulcrum import` names the user's
/// own files: the mapping error with its file, line, column, table.field and "did you mean", never a server temporary path.
/// </summary>
public sealed partial class UploadErrorNamesTests(FulcrumWebFactory factory) : IClassFixture<FulcrumWebFactory>
{
    const string Answers = "response_id,account_id,responded_at,nps\nnames-1,ACC-000001,2025-10-01T09:00:00Z,8\n";

    // Line 5, column 22 is where 'npss' stands in the mapping.
    const string TypoMapping = """
        tables:
          - table: responses
            fields:
              response_id: response_id
              nps: { column: npss }
              account_id: account_id
              responded_at: responded_at
        """;

    static MultipartFormDataContent Form(string csv, string? mapping, params (string Name, string Content)[] joined)
    {
        var form = new MultipartFormDataContent { { new StringContent("responses"), "table" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "answers.csv");
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping", "my-mapping.yaml");
        foreach (var (name, content) in joined) form.Add(new StringContent(content), "join", name);
        return form;
    }

    static void AssertHas(string expected, string text) => Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' not in: {text}");

    static void AssertNoServerPath(string text)
    {
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("fulcrum-upload-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_naming_a_column_the_file_lacks_gets_the_CLI_s_mapping_error_with_the_uploaded_names()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var response = await analyst.PostAsync("/api/imports", Form(Answers, TypoMapping));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith("answers.csv has no column 'npss' that my-mapping.yaml reads:", detail, StringComparison.Ordinal);
        AssertHas("my-mapping.yaml, line 5, column 22: responses.nps reads column 'npss'; did you mean 'nps'?", detail);
        AssertHas("Columns available: response_id, account_id, responded_at, nps.", detail);
        AssertNoServerPath(text);
    }

    [Fact]
    public async Task A_broken_mapping_a_bad_join_and_an_unreadable_file_name_the_uploaded_files()
    {
        using var analyst = await factory.ClientAsync(Roles.Analyst);

        var broken = await analyst.PostAsync("/api/imports", Form(Answers, "tables: [ unclosed"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var brokenText = await broken.Content.ReadAsStringAsync();
        AssertHas("my-mapping.yaml, line 2: not valid YAML/JSON", brokenText);
        AssertNoServerPath(brokenText);

        const string joinMapping = """
            join:
              - file: "accounts.csv"
                on: account_id
            tables:
              - table: responses
                fields: { response_id: response_id, account_id: account_id, responded_at: responded_at, nps: nps }
            """;
        var missingJoin = await analyst.PostAsync("/api/imports", Form(Answers, joinMapping));
        var missingText = await missingJoin.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, missingJoin.StatusCode);
        AssertHas("accounts.csv: joined file not found.", missingText);
        AssertNoServerPath(missingText);

        var badKey = await analyst.PostAsync("/api/imports", Form(Answers, joinMapping, ("accounts.csv", "id,name\nACC-000001,x\n")));
        var badKeyText = await badKey.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        AssertHas("accounts.csv, line 1: joined file has no column 'account_id' to join on.", badKeyText);
        AssertNoServerPath(badKeyText);

        var unreadable = await analyst.PostAsync("/api/imports", Form("response_id,\"account_id\nnames-2", null));
        var unreadableText = await unreadable.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        AssertHas("answers.csv", unreadableText);
        AssertNoServerPath(unreadableText);
    }

    [Fact]
    public async Task A_refused_upload_s_record_and_rejects_name_the_uploaded_and_the_joined_file()
    {
        const string joinMapping = """
            join:
              - file: "scores.csv"
                on: response_id
            tables:
              - table: responses
                fields: { response_id: response_id, account_id: account_id, responded_at: responded_at, nps: score }
            """;
        using var analyst = await factory.ClientAsync(Roles.Analyst);
        var response = await analyst.PostAsync("/api/imports", Form(Answers, joinMapping, ("scores.csv", "response_id,score\nnames-1,12\n")));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        var reject = result.GetProperty("firstRejects")[0];
        // The value came from the joined file: that file and its line, and the uploaded file's row it kept out.
        Assert.Equal(("scores.csv", 2L), (reject.GetProperty("file").GetString(), reject.GetProperty("line").GetInt64()));
        Assert.Contains("to line 2 of answers.csv", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var importId = result.GetProperty("importId").GetString();
        var imports = await analyst.GetStringAsync("/api/imports");
        var run = JsonDocument.Parse(imports).RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("importId").GetString() == importId);
        Assert.Equal("answers.csv", run.GetProperty("sourceFile").GetString());
        Assert.Equal("my-mapping.yaml", run.GetProperty("mappingFile").GetString());
        var rejects = await analyst.GetStringAsync($"/api/imports/{importId}/rejects");
        Assert.Contains("\"file\":\"scores.csv\"", rejects, StringComparison.Ordinal);
        AssertNoServerPath(imports + rejects + await analyst.GetStringAsync("/api/status"));
    }

    [Fact]
    public async Task The_data_page_shows_the_mapping_error_with_the_uploaded_names()
    {
        const string password = "correct horse battery";
        await factory.Services.GetRequiredService<UserStore>().CreateUserAsync("upload-names", password, Roles.Analyst);
        using var browser = await BrowserSession.SignInAsync(factory, "upload-names", password);
        var page = await browser.Client.GetStringAsync("/data");
        var form = Form(Answers, TypoMapping);
        form.Add(new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/data?handler=Upload") { Content = form };
        request.Headers.Add("Origin", BrowserSession.Origin);

        var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        AssertHas("my-mapping.yaml, line 5, column 22: responses.nps reads column 'npss'; did you mean 'nps'?", html);
        AssertNoServerPath(html);
    }

    [Theory]
    [InlineData("{tmp}fulcrum-upload-x1/data/answers.csv: joined file not found.", "answers.csv: joined file not found.")]
    [InlineData("spill to {tmp}fulcrum-duckdb-0a1b/ failed", "spill to fulcrum-duckdb-0a1b failed")]
    [InlineData("no path here", "no path here")]
    public void Server_paths_hides_any_temporary_path(string message, string shown) =>
        Assert.Equal(shown, Fulcrum.Web.Api.ServerPaths.Hide(message.Replace("{tmp}", Path.GetTempPath(), StringComparison.Ordinal)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
