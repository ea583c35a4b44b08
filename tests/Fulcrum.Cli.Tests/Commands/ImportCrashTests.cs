using System.Diagnostics;
using System.Globalization;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;
using Xunit.Abstractions;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// Kills `fulcrum import` (a real process, SIGKILL) at random points of a 150,000-answer import, several times, and
/// checks that the store holds all of it or none of it, follow-ups included: either nothing changed, or every new
/// answer is in and every detractor answer has its follow-up (they are opened in the import's own commit).
/// </summary>
[Collection(ConsoleFreeCollection.Name)]
public sealed class ImportCrashTests(ITestOutputHelper output) : IDisposable
{
    const int Answers = 150_000;
    readonly string _folder = Directory.CreateTempSubdirectory("fulcrum-crash-").FullName;

    [Fact]
    public void An_import_killed_at_random_points_leaves_all_before_or_all_after_including_follow_ups()
    {
        var pristine = Path.Combine(_folder, "pristine.duckdb");
        var (accounts, before) = Prepare(pristine);
        var file = WriteAnswers(accounts);

        // A full run tells how long an import takes here, so the kills spread over all of it (reading, checking, writing, committing).
        var clock = Stopwatch.StartNew();
        var full = Copy(pristine, "full");
        Assert.Equal(0, RunImport(full, file, killAfter: null));
        var duration = clock.Elapsed;
        var after = Read(full);
        Assert.Equal(before.Responses + Answers, after.Responses);
        Assert.Equal(after.Detractors, after.Followups);

        var random = new Random(2026);
        var outcomes = new List<string>();
        for (var run = 0; run < 6; run++)
        {
            var store = Copy(pristine, $"run{run}");
            var killAfter = TimeSpan.FromMilliseconds(duration.TotalMilliseconds * (0.2 + random.NextDouble()));
            RunImport(store, file, killAfter);
            var state = Read(store);
            var which = state == before ? "before" : state == after ? "after" : null;
            Assert.True(which is not null, $"run {run}, killed after {killAfter.TotalSeconds:F1} s of {duration.TotalSeconds:F1} s: a half state {state} (before {before}, after {after})");
            outcomes.Add($"{killAfter.TotalSeconds:F1}s→{which}");
        }
        output.WriteLine($"Import of {Answers:N0} answers took {duration.TotalSeconds:F1} s; kills: {string.Join(", ", outcomes)}");
    }

    sealed record State(long Responses, long Detractors, long Followups, long FollowupEvents, long CommittedImports);

    static (List<string> Accounts, State State) Prepare(string path)
    {
        using var store = FulcrumStore.Open(path);
        DemoCompanyGenerator.Generate(store, new DemoCompanyOptions(300, 2, 7));
        // Every existing detractor answer already has its follow-up, so "after" means: all answers in, all followed up.
        new Fulcrum.Analytics.Value.ClosedLoop.Followups(store).Sync();
        return (store.Query<string>("SELECT account_id FROM accounts ORDER BY account_id").ToList(), Read(store));
    }

    string WriteAnswers(List<string> accounts)
    {
        var path = Path.Combine(_folder, "answers.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("response_id,account_id,responded_at,nps,comment");
        for (var i = 0; i < Answers; i++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CRASH-{i:D7},{accounts[i % accounts.Count]},2025-{1 + i % 12:D2}-{1 + i % 28:D2}T10:00:00Z,{i % 11},answer {i}"));
        return path;
    }

    string Copy(string pristine, string name)
    {
        var path = Path.Combine(_folder, name + ".duckdb");
        File.Copy(pristine, path);
        return path;
    }

    /// <returns>The exit code, or -1 when the process was killed.</returns>
    static int RunImport(string store, string file, TimeSpan? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "fulcrum.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: build tests/Fulcrum.Cli.Tests, which copies the CLI beside the tests.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "import", "responses", file, "--db", store }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (killAfter is { } wait && !process.WaitForExit(wait))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return -1;
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    static State Read(string path)
    {
        using var store = FulcrumStore.Open(path);
        return Read(store);
    }

    static State Read(FulcrumStore store) => new(
        store.Count("responses"), store.Scalar<long>("SELECT COUNT(*) FROM responses WHERE nps <= 6"), store.Count("followups"),
        store.Count("followup_events"), store.Scalar<long>("SELECT COUNT(*) FROM import_runs WHERE status = 'committed'"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
