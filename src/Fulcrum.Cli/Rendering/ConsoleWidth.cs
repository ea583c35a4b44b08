namespace Fulcrum.Cli.Rendering;

/// <summary>
/// The width tables and text are laid out for: <c>COLUMNS</c> when set, else the terminal's; when the output goes to a
/// file or pipe (where Spectre would assume 80 columns and split numbers inside cells) wide enough that no cell wraps.
/// </summary>
public static class ConsoleWidth
{
    /// <summary>Wide enough for every table Fulcrum prints without wrapping a cell; tables take only the width they need.</summary>
    public const int Redirected = 400;

    public static void Apply()
    {
        if (WidthFor(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsOutputRedirected) is { } width) AnsiConsole.Profile.Width = width;
    }

    /// <summary>
    /// The width to lay out for: a usable <paramref name="columns"/> (COLUMNS) first — the user asked for it, even when
    /// redirected — else <see cref="Redirected"/> when the output goes to a file or pipe, else null (the terminal's own width).
    /// </summary>
    public static int? WidthFor(string? columns, bool redirected) => FromEnvironment(columns) ?? (redirected ? Redirected : null);

    /// <summary>A usable COLUMNS value (20 to 10,000), or null.</summary>
    public static int? FromEnvironment(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 20 and <= 10_000 ? n : null;
}
