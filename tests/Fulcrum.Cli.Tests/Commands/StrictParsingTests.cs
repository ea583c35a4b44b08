using System.Xml.Linq;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// Every command registered in <see cref="FulcrumApp"/> refuses what it does not know: an unknown option, or a stray
/// argument on a command that takes none, exits with <see cref="FulcrumApp.ParseError"/> and names the culprit, before
/// touching the database. The commands are read from the app's own model (`fulcrum cli xmldoc`), so a new command is
/// covered without editing this test.
/// </summary>
public sealed class StrictParsingTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-strict-").FullName;
    string Db => Path.Combine(_directory, "never-created.duckdb");

    static readonly Lazy<IReadOnlyList<(string[] Words, bool TakesArguments)>> Commands = new(ReadCommandModel);

    static IReadOnlyList<(string[] Words, bool TakesArguments)> RegisteredCommands() => Commands.Value;

    /// <summary>
    /// Each leaf command's words (e.g. ["themes", "rename"]) and whether it takes positional arguments, from `fulcrum cli
    /// xmldoc` run as its own process (in-process, Spectre writes the model to the console it met first, not the capture).
    /// </summary>
    static IReadOnlyList<(string[] Words, bool TakesArguments)> ReadCommandModel()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new System.Diagnostics.ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(FulcrumApp).Assembly.Location, "cli", "xmldoc" }) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var xml = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"`fulcrum cli xmldoc` failed: {errors}");
        var begin = xml.IndexOf('<', StringComparison.Ordinal);
        Assert.True(begin >= 0, $"`fulcrum cli xmldoc` printed no command model: '{xml}'");
        var model = XDocument.Parse(xml[begin..]);
        var commands = new List<(string[], bool)>();
        void Walk(XElement element, string[] path)
        {
            foreach (var command in element.Elements("Command"))
            {
                var name = (string)command.Attribute("Name")!;
                // A branch's default command runs when the branch's own name is given.
                var words = name == "__default_command" ? path : [.. path, name];
                if ((string?)command.Attribute("IsBranch") == "true") { Walk(command, words); continue; }
                var takesArguments = command.Element("Parameters")?.Elements("Argument").Any() ?? false;
                commands.Add((words, takesArguments));
            }
        }
        Walk(model.Root!, []);
        return commands;
    }

    [Fact]
    public void The_command_model_lists_every_command_including_branches()
    {
        var commands = RegisteredCommands().Select(c => string.Join(' ', c.Words)).ToList();
        Assert.Contains("linkage", commands);
        Assert.Contains("business-case", commands);
        Assert.Contains("model", commands);
        Assert.Contains("assumptions set", commands);
        Assert.Contains("themes", commands);
        Assert.Contains("themes rename", commands);
        Assert.True(commands.Count >= 25, string.Join(", ", commands));
    }

    [Fact]
    public void Every_command_rejects_an_unknown_option_with_exit_code_2_naming_it()
    {
        var failures = new List<string>();
        foreach (var (words, _) in RegisteredCommands())
        {
            using var capture = new ConsoleCapture();
            var code = FulcrumApp.Run([.. words, "--bogus-flag", "--db", Db]);
            var output = capture.Spectre + capture.Standard;
            if (code != FulcrumApp.ParseError || !output.Contains("bogus-flag", StringComparison.Ordinal))
                failures.Add($"{string.Join(' ', words)}: exit {code}, output: {output.Trim()}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Every_command_without_arguments_rejects_a_stray_argument_with_exit_code_2_naming_it()
    {
        var failures = new List<string>();
        foreach (var (words, _) in RegisteredCommands().Where(c => !c.TakesArguments))
        {
            using var capture = new ConsoleCapture();
            var code = FulcrumApp.Run([.. words, "stray-word", "--db", Db]);
            var output = capture.Spectre + capture.Standard;
            if (code != FulcrumApp.ParseError || !output.Contains("stray-word", StringComparison.Ordinal))
                failures.Add($"{string.Join(' ', words)}: exit {code}, output: {output.Trim()}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.False(File.Exists(Db));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
