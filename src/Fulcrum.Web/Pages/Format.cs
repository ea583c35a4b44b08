using System.Globalization;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Web.Pages;

/// <summary>How figures read on the dashboard: every estimate with its interval and n.</summary>
public static class Format
{
    public static string Number(double value, int decimals = 1) =>
        double.IsNaN(value) ? "–" : value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Interval(Estimate e, int decimals = 1) =>
        double.IsNaN(e.Lower) ? "no interval" : $"95% CI {Number(e.Lower, decimals)} to {Number(e.Upper, decimals)}";

    /// <summary>"lower to upper" in <paramref name="format"/>, or "no interval" where it was withheld (e.g. too few usable resamples), never "– to –".</summary>
    public static string Range(Estimate e, Func<double, string> format) =>
        double.IsNaN(e.Lower) || double.IsNaN(e.Upper) ? "no interval" : $"{format(e.Lower)} to {format(e.Upper)}";

    public static string Full(Estimate e, int decimals = 1) => $"{Number(e.Value, decimals)} ({Interval(e, decimals)}, n = {e.N:N0})";

    public static string Money(double value) => double.IsNaN(value) ? "–" : value.ToString("$#,0;−$#,0", CultureInfo.InvariantCulture);

    public static string Signed(double value, int decimals = 1) =>
        double.IsNaN(value) ? "–" : (value > 0 ? "+" : "") + value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Date(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
