using System.Diagnostics;

namespace Fulcrum.Cli.Tests.Report;

/// <summary>pdftotext and pdftoppm (Debian's poppler-utils), which the PDF tests read the report with.</summary>
static class Poppler
{
    public static string Run(string tool, params string[] arguments)
    {
        var path = $"/usr/bin/{tool}";
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: the PDF tests read the report with poppler-utils. Run ./test.sh (it installs it) or `apt-get install -y poppler-utils`.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
        return output;
    }

    public static string PageText(string pdf, int page) => Run("pdftotext", "-f", $"{page}", "-l", $"{page}", "-layout", pdf, "-");

    public static int Pages(string pdf) =>
        int.Parse(Run("pdfinfo", pdf).Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
