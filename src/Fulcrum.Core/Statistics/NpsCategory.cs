namespace Fulcrum.Core.Statistics;

/// <summary>Net Promoter category of a 0–10 likelihood-to-recommend score.</summary>
public enum NpsCategory
{
    /// <summary>Scores 0–6.</summary>
    Detractor,

    /// <summary>Scores 7–8.</summary>
    Passive,

    /// <summary>Scores 9–10.</summary>
    Promoter,
}
