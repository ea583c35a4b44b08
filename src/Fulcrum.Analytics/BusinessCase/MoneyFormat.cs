using System.Globalization;

namespace Fulcrum.Analytics.BusinessCase;

/// <summary>Money in executive form: $1.2M, $850k, $75.</summary>
public static class MoneyFormat
{
    public static string Short(double value)
    {
        if (double.IsNaN(value)) return "n/a";
        if (double.IsPositiveInfinity(value)) return "∞";
        var sign = value < 0 ? "−" : "";
        var v = Math.Abs(value);
        var text = v >= 1e9 ? (v / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B"
            : v >= 1e6 ? (v / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M"
            : v >= 1e3 ? (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : v.ToString("0", CultureInfo.InvariantCulture);
        return $"{sign}${text}";
    }
}
