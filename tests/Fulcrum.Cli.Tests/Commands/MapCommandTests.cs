namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum map`'s summary table and TODO list as a user reads them.</summary>
public sealed class MapCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-map-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_capped_distinct_count_shows_as_over_the_cap_and_a_shared_TODO_once()
    {
        // No customer column (three tables need one), and a column with more distinct values than are counted.
        var file = Path.Combine(_directory, "answers.csv");
        File.WriteAllLines(file, Enumerable.Range(0, 2_100).Select(i => $"{i % 7},{i % 2_050},{(i % 3 == 0 ? "Yes" : "No")}").Prepend("Satisfaction,Lifetime Value,Churned"));
        var output = Path.Combine(_directory, "answers.yaml");

        using var capture = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["map", file, "--out", output]));

        var row = capture.Spectre.Split('\n').Single(l => l.Contains("Lifetime Value", StringComparison.Ordinal));
        Assert.Contains("over 2,000", row, StringComparison.Ordinal);
        Assert.DoesNotContain("2,000 ", row.Replace("over 2,000", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(capture.Spectre.Split('\n'), l => l.StartsWith("TODO account_id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_value_map_cannot_read_is_listed_as_a_TODO_and_import_refuses_the_mapping_at_its_line()
    {
        var file = Path.Combine(_directory, "subscriptions.csv");
        File.WriteAllLines(file, ["customer_id,status,arr", "a,Active,100", "b,Upgraded,200", "c,Downgraded,50", "d,Churned,80", "e,On Hold,70", "f,active,90", "g,Active,60"]);
        var output = Path.Combine(_directory, "subscriptions.yaml");

        using (var capture = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["map", file, "--out", output]));
            Assert.Single(capture.Spectre.Split('\n'), l => l.StartsWith("TODO kind: \"status\" value On Hold (1 sampled rows) not read", StringComparison.Ordinal));
        }
        var yaml = File.ReadAllText(output);
        Assert.Contains("kind: { column: status, map: { Active: renewal, Upgraded: expansion, Downgraded: contraction, Churned: churn, On Hold: TODO } }", yaml, StringComparison.Ordinal);
        Assert.Contains("# \"status\" → kind (sampled rows of 7): Active/active → renewal (3), Upgraded → expansion (1), Downgraded → contraction (1), Churned → churn (1), On Hold → TODO (1)", yaml, StringComparison.Ordinal);

        using var import = new ConsoleCapture();
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("On Hold: TODO", StringComparison.Ordinal)) + 1;
        Assert.NotEqual(0, FulcrumApp.Run(["import", "all", file, "--mapping", output, "--db", Path.Combine(_directory, "s.duckdb"), "--dry-run"]));
        Assert.Contains($"line {line}: field 'kind': 'map' sends 'On Hold' to TODO", (import.Spectre + import.Standard).Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
