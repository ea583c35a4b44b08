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
}
