using System.Reflection;
using System.Text.RegularExpressions;
using Fulcrum.Cli.Commands;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum themes --help` as a new user reads it: every option it names exists, and its examples run as printed in a shell.</summary>
public sealed class ThemesHelpTests
{
    /// <summary>The help as printed, run as its own process (in-process, Spectre writes help to the console it met first), lines joined.</summary>
    static string Help(params string[] command)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new System.Diagnostics.ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[typeof(FulcrumApp).Assembly.Location, "themes", .. command, "--help"]) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"`fulcrum themes --help` failed: {errors}");
        return Regex.Replace(output, @"\s+", " ");
    }

    [Fact]
    public void Every_option_the_themes_help_names_is_an_option_of_themes()
    {
        var options = typeof(ThemesCommand.Settings).GetProperties()
            .SelectMany(p => p.GetCustomAttributes<Spectre.Console.Cli.CommandOptionAttribute>())
            .SelectMany(a => a.LongNames.Select(n => "--" + n))
            .Concat(["--db", "--help"]).ToHashSet(StringComparer.Ordinal);
        var named = Regex.Matches(Help(), @"(?<![\w-])--[a-z][a-z-]*").Select(m => m.Value).Distinct().ToList();
        Assert.Contains("--merge", named);
        Assert.All(named, option => Assert.Contains(option, options));
    }

    [Fact]
    public void Examples_quote_the_arguments_a_shell_must_take_as_one() =>
        Assert.Contains("themes rename T003 \"Lost luggage\"", Help("rename"), StringComparison.Ordinal);
}
