using Spectre.Console;
using System.Text.RegularExpressions;
using Fulcrum.Cli.Rendering;
using Fulcrum.Data.Demo;

namespace Fulcrum.Cli.Tests.Commands;

/// <summary>
/// Output width: COLUMNS or the terminal's width, and, when the output is redirected, a layout in which no number or word
/// inside a table cell is split across lines ("$166,038,↵543" was the complaint).
/// </summary>
public sealed partial class OutputWidthTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-width-").FullName;

    [Theory]
    [InlineData("120", true, 120)]
    [InlineData("120", false, 120)]
    [InlineData(null, true, ConsoleWidth.Redirected)]
    [InlineData("narrow", true, ConsoleWidth.Redirected)]
    public void COLUMNS_first_then_a_wide_layout_when_redirected(string? columns, bool redirected, int expected) =>
        Assert.Equal(expected, ConsoleWidth.WidthFor(columns, redirected));

    [Fact]
    public void On_a_terminal_without_COLUMNS_the_terminal_width_stands() => Assert.Null(ConsoleWidth.WidthFor(null, redirected: false));

    [Fact]
    public void A_wide_table_redirected_keeps_every_number_whole_where_80_columns_would_split_it()
    {
        static string Render(int width)
        {
            using var capture = new ConsoleCapture(width);
            var table = new Table().AddColumns(Enumerable.Range(1, 10).Select(i => $"lever {i} net present value").ToArray());
            table.AddRow(Enumerable.Range(1, 10).Select(i => $"${166_038_543 + i:N0} (90% CI $1,930,000–$2,920,000)").ToArray());
            AnsiConsole.Write(table);
            return capture.Spectre;
        }

        Assert.NotEqual(Tokens(Render(10_000)), Tokens(Render(80)));
        var redirected = Render(ConsoleWidth.WidthFor(null, redirected: true)!.Value);
        Assert.Equal(Tokens(Render(10_000)), Tokens(redirected));
        Assert.Contains("$166,038,544", redirected, StringComparison.Ordinal);
    }

    [Fact]
    public void COLUMNS_narrows_the_layout_to_its_width()
    {
        using var capture = new ConsoleCapture(ConsoleWidth.WidthFor("60", redirected: true)!.Value);
        AnsiConsole.Write(new Table().AddColumns("segment", "NPS", "95% CI", "n").AddRow("Enterprise", "31.2", "28.0 to 34.4", "1,204"));
        Assert.All(capture.Spectre.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 60, line));
    }

    [Theory]
    [InlineData("metrics", "--by", "segment,region")]
    [InlineData("linkage", "--resamples", "100")]
    [InlineData("business-case", "--resamples", "100")]
    public void Commands_redirected_print_the_same_words_and_numbers_as_on_an_unbounded_line(params string[] command)
    {
        var db = Path.Combine(_directory, "width.duckdb");
        DemoCompanyTemplates.CopyTo(db, new DemoCompanyOptions(400, 3, 11));
        string Output(int width)
        {
            using var capture = new ConsoleCapture(width);
            string[] args = command[0] == "business-case" ? [.. command, "--out", Path.Combine(_directory, "bc"), "--db", db] : [.. command, "--db", db];
            Assert.Equal(0, FulcrumApp.Run(args));
            return capture.Spectre;
        }

        Assert.Equal(Tokens(Output(10_000)), Tokens(Output(ConsoleWidth.WidthFor(null, redirected: true)!.Value)));
    }

    /// <summary>Every word and number printed, without table borders and line breaks, sorted (a cell wrapped at a space interleaves its words with its neighbours').</summary>
    static string[] Tokens(string text) => NotBorder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"[^\s\u2500-\u257F|]+")]
    private static partial Regex NotBorder();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
