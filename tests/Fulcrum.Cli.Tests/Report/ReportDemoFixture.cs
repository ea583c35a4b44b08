using System.Text.Json;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>
/// The demo company (1,000 accounts, seed 42) with its themes read (fast mode), and `fulcrum report --json` run on it once:
/// the files in all three formats and the JSON the command printed, shared by the report tests.
/// </summary>
public sealed class ReportDemoFixture : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-report-").FullName;

    public ReportDemoFixture()
    {
        Db = Path.Combine(_directory, "demo.duckdb");
        Out = Path.Combine(_directory, "reports");
        Check(FulcrumApp.Run(["generate", "--accounts", "1000", "--seed", "42", "--db", Db]), "generate");
        Check(FulcrumApp.Run(["followups", "sync", "--db", Db]), "followups sync");
        Check(FulcrumApp.Run(["themes", "--fast", "--clusters", "8", "--replicates", "200", "--db", Db]), "themes");
        using var console = new ConsoleCapture();
        Check(FulcrumApp.Run(["report", "--period", "2025Q4", "--format", "html,pdf,xlsx", "--out", Out, "--json", "--db", Db]), "report");
        Json = JsonDocument.Parse(console.Standard);
    }

    public string Db { get; }
    public string Out { get; }
    public JsonDocument Json { get; }
    public string File(string extension) => Path.Combine(Out, $"cx-value-report-2025Q4.{extension}");

    static void Check(int exitCode, string command)
    {
        if (exitCode != 0) throw new InvalidOperationException($"`fulcrum {command}` exited with {exitCode}");
    }

    public void Dispose()
    {
        Json.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
