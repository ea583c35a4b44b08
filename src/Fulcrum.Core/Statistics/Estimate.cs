using System.Globalization;
using System.Text.Json.Serialization;

namespace Fulcrum.Core.Statistics;

/// <summary>
/// A point estimate with its confidence interval, the sample size behind it and the method that
/// produced it. Every number that reaches a chart or a report is an <see cref="Estimate"/>.
/// </summary>
/// <param name="Value">The point estimate; <see cref="double.NaN"/> when it is undefined (e.g. n = 0).</param>
/// <param name="Lower">Lower confidence bound; NaN when no interval can be formed.</param>
/// <param name="Upper">Upper confidence bound; NaN when no interval can be formed.</param>
/// <param name="N">Number of observations (responses, accounts, …) behind the estimate.</param>
/// <param name="Method">Human-readable description of the method, including any fallback used.</param>
/// <param name="ConfidenceLevel">Nominal coverage of [Lower, Upper], in (0, 1).</param>
public sealed record Estimate(
    double Value,
    double Lower,
    double Upper,
    long N,
    string Method,
    double ConfidenceLevel = 0.95)
{
    /// <summary>Standard error of <see cref="Value"/> on the same scale as the value, when the method has one.</summary>
    public double? StandardError { get; init; }

    /// <summary>True when <see cref="Value"/> is a number (not NaN).</summary>
    public bool IsDefined => !double.IsNaN(Value);

    /// <summary>Why there is no figure (the method of an undefined estimate says why), for JSON beside the absent value; null when defined.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason => IsDefined ? null : Method;

    /// <summary>Upper − Lower (NaN when there is no interval).</summary>
    public double Width => Upper - Lower;

    /// <summary>
    /// True when <paramref name="x"/> lies in the closed interval [Lower, Upper].
    /// False when either bound is NaN (no interval) or <paramref name="x"/> is NaN.
    /// </summary>
    public bool Contains(double x) => x >= Lower && x <= Upper;

    /// <summary>An undefined estimate (NaN value and bounds), e.g. for an empty sample.</summary>
    public static Estimate Undefined(long n, string method, double confidenceLevel = 0.95) =>
        new(double.NaN, double.NaN, double.NaN, n, method, confidenceLevel);

    /// <summary>Formats as e.g. "32.1 (95% CI 28.0 to 36.2, n=1,204)", decimals chosen from the interval width (see <see cref="ToString(int?)"/>).</summary>
    public override string ToString() => ToString(decimals: null);

    /// <summary>
    /// Formats as e.g. "32.1 (95% CI 28.0 to 36.2, n=1,204)" with invariant culture.
    /// When <paramref name="decimals"/> is null, the number of decimals is 1 − floor(log10(width)),
    /// clamped to 0..6, so the interval shows about two significant digits of its width; without an
    /// interval the value gets three significant digits. Undefined estimates print as "undefined (n=0)".
    /// </summary>
    public string ToString(int? decimals)
    {
        var c = CultureInfo.InvariantCulture;
        var n = N.ToString("N0", c);
        if (!IsDefined)
        {
            return $"undefined (n={n})";
        }

        var d = decimals ?? DefaultDecimals();
        var fmt = "F" + Math.Clamp(d, 0, 15).ToString(c);
        var value = Value.ToString(fmt, c);
        if (double.IsNaN(Lower) || double.IsNaN(Upper))
        {
            return $"{value} (no CI, n={n})";
        }

        var level = (ConfidenceLevel * 100).ToString("0.##", c);
        return $"{value} ({level}% CI {Lower.ToString(fmt, c)} to {Upper.ToString(fmt, c)}, n={n})";
    }

    private int DefaultDecimals()
    {
        var width = Width;
        if (double.IsFinite(width) && width > 0)
        {
            return Math.Clamp(1 - (int)Math.Floor(Math.Log10(width)), 0, 6);
        }

        var magnitude = Math.Abs(Value);
        if (double.IsFinite(magnitude) && magnitude > 0)
        {
            return Math.Clamp(2 - (int)Math.Floor(Math.Log10(magnitude)), 0, 6);
        }

        return 1;
    }
}
