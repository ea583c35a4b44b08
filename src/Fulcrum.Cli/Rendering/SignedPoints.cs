using System.Globalization;

namespace Fulcrum.Cli.Rendering;

/// <summary>A share as signed percentage points with one decimal: "+1.2", "−0.4", and "0.0" for anything that rounds to zero (never "-+0.0").</summary>
public static class SignedPoints
{
    public static string Format(double share)
    {
        if (double.IsNaN(share)) return "n/a";
        var points = Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);
        return points == 0 ? "0.0" : points.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
    }
}
