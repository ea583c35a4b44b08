// The commands write to one process-wide console, and Spectre.Console refuses two live displays (progress bars, status
// spinners) at once: every CLI test class shares the assembly's one collection and runs after the other. A class that
// never touches this process's console joins ConsoleFreeCollection instead and runs beside them, so a long test that
// drives child processes keeps the second core busy.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace Fulcrum.Cli.Tests;

/// <summary>Test classes that never write to or capture this process's console (their commands run as child processes).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleFreeCollection
{
    public const string Name = "console-free";
}
