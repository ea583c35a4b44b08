using System.Text.Json;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// `fulcrum status` shows the CSAT and CES scales the store's answers are on and where each comes from: CSAT 1–10 declared
/// by the mapping that imported it, CES on its default 1–7; in text and with --json.
/// </summary>
public sealed class StatusScalesTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cli-status-").FullName;
    string Db => Path.Combine(_directory, "status.duckdb");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Accounts, then CSAT answers on 1–10 under a mapping that declares that scale (survey10.yaml).</summary>
    void ImportCsatOnTen()
    {
        Assert.Equal(0, FulcrumApp.Run(["import", "accounts", Write("accounts.csv", "account_id,name\nA1,One\n"), "--db", Db]));
        var mapping = Write("survey10.yaml", """
            scales:
              csat: [1, 10]
            tables:
              - table: responses
                fields:
                  response_id: id
                  account_id: account
                  responded_at: when
                  csat: score
            """);
        var answers = Write("answers.csv", "id,account,when,score\nR1,A1,2024-03-01T10:00:00Z,2\nR2,A1,2024-03-02T10:00:00Z,9\n");
        Assert.Equal(0, FulcrumApp.Run(["import", "responses", answers, "--mapping", mapping, "--db", Db]));
    }

    [Fact]
    public void Status_names_each_scale_and_who_declared_it()
    {
        ImportCsatOnTen();
        using var console = new ConsoleCapture();

        Assert.Equal(0, FulcrumApp.Run(["status", "--db", Db]));

        Assert.Contains("Scales: CSAT 1–10 (declared by the mapping survey10.yaml), CES 1–7 (default)", console.Spectre, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_json_lists_the_scales_with_their_origin()
    {
        ImportCsatOnTen();
        using var console = new ConsoleCapture();

        Assert.Equal(0, FulcrumApp.Run(["status", "--db", Db, "--json"]));

        using var json = JsonDocument.Parse(console.Standard);
        var scales = json.RootElement.GetProperty("scales").EnumerateArray().ToList();
        Assert.Equal(["csat", "ces"], scales.Select(s => s.GetProperty("metric").GetString()));
        Assert.Equal((1.0, 10.0, true, "the mapping survey10.yaml"), (scales[0].GetProperty("min").GetDouble(), scales[0].GetProperty("max").GetDouble(),
            scales[0].GetProperty("declared").GetBoolean(), scales[0].GetProperty("declaredBy").GetString()));
        Assert.Equal((1.0, 7.0, false, JsonValueKind.Null), (scales[1].GetProperty("min").GetDouble(), scales[1].GetProperty("max").GetDouble(),
            scales[1].GetProperty("declared").GetBoolean(), scales[1].GetProperty("declaredBy").ValueKind));
        Assert.Equal("CES 1–7 (default)", scales[1].GetProperty("description").GetString());
        // The rest of the status is there too, with named fields.
        var responses = json.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "responses");
        Assert.Equal(2, responses.GetProperty("rows").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("recentImports").GetArrayLength());
    }

    [Fact]
    public void A_store_without_declarations_shows_both_defaults()
    {
        Assert.Equal(0, FulcrumApp.Run(["import", "accounts", Write("accounts.csv", "account_id,name\nA1,One\n"), "--db", Db]));
        using var console = new ConsoleCapture();

        Assert.Equal(0, FulcrumApp.Run(["status", "--db", Db]));

        Assert.Contains("Scales: CSAT 1–5 (default), CES 1–7 (default)", console.Spectre, StringComparison.Ordinal);
    }
}
