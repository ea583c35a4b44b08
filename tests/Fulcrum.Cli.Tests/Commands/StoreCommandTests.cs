using System.Text.Json;
using Fulcrum.Cli.Commands;
using Fulcrum.Cli.Rendering;
using Fulcrum.Data.Store;
using Spectre.Console.Cli;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>The shared command plumbing: <see cref="StoreCommand{TSettings}"/>, <see cref="Print"/> and <see cref="OptionCheck"/>.</summary>
public sealed class StoreCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-cli-base-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    /// <summary>Records the store it was given; exit code 7 so a test can tell that it ran.</summary>
    public class Probe : StoreCommand<StoreSettings>
    {
        public static string? OpenedPath;

        protected override int Run(FulcrumStore store, StoreSettings settings, CancellationToken cancellationToken)
        {
            OpenedPath = store.Path;
            return 7;
        }
    }

    public sealed class ExistingDatabaseProbe : Probe
    {
        protected override bool RequiresExistingDatabase => true;
    }

    [Fact]
    public void A_store_command_opens_the_database_named_by_db_and_creates_it_when_missing()
    {
        Probe.OpenedPath = null;
        Assert.Equal(7, new CommandApp<Probe>().Run(["--db", Db]));
        Assert.Equal(Path.GetFullPath(Db), Path.GetFullPath(Probe.OpenedPath!));
        Assert.True(File.Exists(Db));
    }

    [Fact]
    public void A_command_that_needs_an_existing_database_names_the_missing_file_exits_64_and_creates_nothing()
    {
        Probe.OpenedPath = null;
        using var console = new ConsoleCapture();

        // A --db that names no database is a value that names nothing: a usage error (README, "Exit codes").
        Assert.Equal(FulcrumApp.UsageError, new CommandApp<ExistingDatabaseProbe>().Run(["--db", Db]));

        Assert.Equal($"No database at {Path.GetFullPath(Db)}. Run `fulcrum demo` or `fulcrum import` to create one.", console.Spectre.Trim());
        Assert.Null(Probe.OpenedPath);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Status_on_a_missing_database_is_the_clear_missing_database_error()
    {
        using var console = new ConsoleCapture();
        Assert.Equal(FulcrumApp.UsageError, FulcrumApp.Run(["status", "--db", Db]));
        Assert.StartsWith($"No database at {Path.GetFullPath(Db)}.", console.Spectre);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Print_writes_json_to_standard_output_and_does_not_render()
    {
        using var console = new ConsoleCapture();
        var rendered = false;

        var exitCode = Print.JsonOrTables(true, new { Name = "nps", Unit = DayOfWeek.Monday, Value = double.NaN }, _ => rendered = true);

        Assert.Equal(0, exitCode);
        Assert.False(rendered);
        var json = JsonDocument.Parse(console.Standard).RootElement;
        Assert.Equal("nps", json.GetProperty("name").GetString());       // camelCase
        Assert.Equal("Monday", json.GetProperty("unit").GetString());    // enums as text
        Assert.Equal(JsonValueKind.Null, json.GetProperty("value").ValueKind);  // an absent figure is null, never the string "NaN"
        Assert.Equal("", console.Spectre);
    }

    [Fact]
    public void Print_without_json_renders_and_writes_nothing_to_standard_output()
    {
        using var console = new ConsoleCapture();
        string? rendered = null;
        Assert.Equal(0, Print.JsonOrTables(false, "report", r => rendered = r));
        Assert.Equal("report", rendered);
        Assert.Equal("", console.Standard);
    }

    [Fact]
    public void Json_output_of_a_command_is_only_json()
    {
        using (var console = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["assumptions", "list", "--json", "--db", Db]));
            var list = JsonDocument.Parse(console.Standard).RootElement;
            Assert.Contains(list.EnumerateArray(), a => a.GetProperty("name").GetString() == "cost_per_agent_hour");
            Assert.Equal("", console.Spectre);
        }
        using (var console = new ConsoleCapture())
        {
            Assert.Equal(0, FulcrumApp.Run(["initiatives", "list", "--json", "--db", Db]));
            Assert.Equal(0, JsonDocument.Parse(console.Standard).RootElement.GetArrayLength());
            Assert.Equal("", console.Spectre);
        }
    }

    [Fact]
    public void Without_json_the_same_command_renders_its_table()
    {
        using var console = new ConsoleCapture();
        Assert.Equal(0, FulcrumApp.Run(["assumptions", "list", "--db", Db]));
        Assert.Contains("cost_per_agent_hour", console.Spectre);
        Assert.Contains("Change one with fulcrum assumptions set NAME VALUE", console.Spectre);
        Assert.Equal("", console.Standard);
    }

    [Fact]
    public void Option_errors_are_usage_errors_with_only_the_sentence()
    {
        var outOfRange = OptionCheck.Run(() => throw new ArgumentOutOfRangeException("--clusters", 1, "--clusters must be at least 2."));
        Assert.False(outOfRange.Successful);
        Assert.Equal("--clusters must be at least 2.", outOfRange.Message);

        Assert.Equal("'x' is not a date.", OptionCheck.Run(() => throw new FormatException("'x' is not a date.")).Message);
        Assert.True(OptionCheck.Run(() => { }).Successful);

        var earlier = Spectre.Console.ValidationResult.Error("--period is wrong.");
        var checkedLater = false;
        Assert.Equal("--period is wrong.", OptionCheck.Run(earlier, () => checkedLater = true).Message);
        Assert.False(checkedLater);
    }

    [Fact]
    public void Option_errors_exit_64_before_the_database_is_touched()
    {
        using var console = new ConsoleCapture();
        Assert.Equal(64, FulcrumApp.Run(["cohorts", "--window-months", "0", "--db", Db]));
        Assert.Contains("Error: The window must be 1 to 120 months.", console.Spectre);
        Assert.DoesNotContain("Parameter", console.Spectre);
        Assert.False(File.Exists(Db));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
