using System.Text;
using Spectre.Console;

namespace Fulcrum.Cli.Tests;

/// <summary>
/// Captures what a command writes: Spectre output (tables, messages) and plain standard output (--json), each as text,
/// wide enough that nothing wraps unless a <c>width</c> is given. Restores both consoles on dispose.
/// </summary>
sealed class ConsoleCapture : IDisposable
{
    readonly StringWriter _spectre = new(new StringBuilder());
    readonly StringWriter _standard = new(new StringBuilder());
    readonly IAnsiConsole _previousConsole = AnsiConsole.Console;
    readonly TextWriter _previousOut = Console.Out;

    public ConsoleCapture(int width = 1000)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_spectre),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        AnsiConsole.Console = console;
        Console.SetOut(_standard);
    }

    /// <summary>What went through Spectre (AnsiConsole).</summary>
    public string Spectre => _spectre.ToString();

    /// <summary>What went to Console.Out directly (the JSON output).</summary>
    public string Standard => _standard.ToString();

    public void Dispose()
    {
        AnsiConsole.Console = _previousConsole;
        Console.SetOut(_previousOut);
    }
}
