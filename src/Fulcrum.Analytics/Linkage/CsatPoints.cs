using System.Globalization;
using Fulcrum.Data.Store;
using Fulcrum.Data.Survey;

namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// The CSAT factor of the linkage models on the store's scale (<see cref="ScoreLevels"/>, declared or default): one level
/// per whole point ("1" … "5" on 1–5, "1" … "10" on 1–10) plus "no answer", an account placed at its rounded mean answer.
/// The "dissatisfied → satisfied" lever reads its points from the same quarter rule as the closed loop and repeat purchase:
/// the dissatisfied are the bottom quarter (1–2 on 1–5, 1–3 on 1–10), and they move to the first satisfied point, the
/// least change that makes them satisfied (4 on 1–5, the top half starting above the middle; 6 on 1–10).
/// </summary>
internal sealed class CsatPoints
{
    /// <summary>CSAT 1–5, the scale when none is declared.</summary>
    public static readonly CsatPoints Default = new(new ScoreLevels("csat", ScoreScales.Default("csat").Min, ScoreScales.Default("csat").Max));

    public CsatPoints(ScoreLevels scale)
    {
        Scale = scale;
        (_first, _last) = ((int)Math.Ceiling(scale.Min), (int)Math.Floor(scale.Max));
        Points = Enumerable.Range(_first, Math.Max(_last - _first + 1, 0)).ToArray();
        Levels = [.. Points.Select(Name), LinkageFactors.NoAnswer];
        Dissatisfied = Points.Where(p => scale.Level(p) == ScoreLevels.Unhappy).Select(Name).ToArray();
        // The scale's first point above the middle (its top is always one; a scale without whole points has only its top).
        Satisfied = Points.Where(p => scale.Level(p) == ScoreLevels.Happy).Select(Name).FirstOrDefault() ?? Name(_last);
    }

    readonly int _first, _last;

    /// <summary>The store's CSAT scale as the levels read it.</summary>
    public ScoreLevels Scale { get; }

    /// <summary>The whole points of the scale, low to high.</summary>
    public int[] Points { get; }

    /// <summary>The factor's levels: each point, then "no answer".</summary>
    public string[] Levels { get; }

    /// <summary>The points the lever moves: the bottom quarter of the scale.</summary>
    public string[] Dissatisfied { get; }

    /// <summary>The dissatisfied points in words: "1–2" on 1–5, "1–3" on 1–10.</summary>
    public string DissatisfiedPoints => Scale.Points(ScoreLevels.Unhappy);

    /// <summary>" on a 1–10 scale" when the scale is not the default 1–5, else empty.</summary>
    public string OnScale => Scale.OnScale;

    /// <summary>The point the lever moves them to: the first satisfied one.</summary>
    public string Satisfied { get; }

    /// <summary>The top point: the churn model's preferred baseline (the very satisfied).</summary>
    public string Top => Name(_last);

    /// <summary>The levels of this store's CSAT scale (declared, else 1–5; widened by answers outside it, as every reader).</summary>
    public static CsatPoints Of(FulcrumStore store) => new(ScoreLevels.Of(store, "csat"));

    /// <summary>Index into <see cref="Levels"/> of an account's mean answer: the rounded mean, kept on the scale; "no answer" without one.</summary>
    public int Index(double? mean) => mean is not { } m ? Levels.Length - 1
        : Math.Clamp((int)Math.Round(m, MidpointRounding.AwayFromZero), _first, _last) - _first;

    public string Level(double? mean) => Levels[Index(mean)];

    /// <summary>The scale in the key of a stored fit, so a change of scale refits ("1-5").</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Scale.Min:R}-{Scale.Max:R}");

    static string Name(int point) => point.ToString(CultureInfo.InvariantCulture);
}
